namespace SpineTriage.Validation;

/// <summary>
/// The stable, machine-readable codes of <see cref="ValidationError.Code"/>. A program may branch on a code;
/// the message beside it is for people and may be reworded. Codes are never renamed or removed; new ones may
/// be added. Listed with examples in docs/error-codes.md.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The input is not well-formed JSON (UTF-8, no comments, no trailing commas), or is empty. Path <c>$</c>.</summary>
    public const string MalformedJson = "malformedJson";

    /// <summary>A string is not valid text: invalid UTF-8, or an unpaired surrogate such as <c>\ud800</c>. Path <c>$</c>.</summary>
    public const string NotText = "notText";

    /// <summary>The JSON is nested deeper than the reader allows (64 levels). Path <c>$</c>.</summary>
    public const string TooDeep = "tooDeep";

    /// <summary>A property that the shape does not have, for example <c>$.painScor</c>; the message suggests the closest allowed name.</summary>
    public const string UnknownProperty = "unknownProperty";

    /// <summary>An answer key that is not a question id of the rule set, for example <c>$.answers.fevr</c>.</summary>
    public const string UnknownQuestion = "unknownQuestion";

    /// <summary>A string that is not one of the allowed names, for example <c>"surgeryRegion": "neck"</c> or an unknown urgency.</summary>
    public const string UnknownValue = "unknownValue";

    /// <summary>A rule id that is not in the rule catalogue (case files' <c>expect.rules</c> and <c>expect.absentRules</c>).</summary>
    public const string UnknownRule = "unknownRule";

    /// <summary>The same property appears twice in one object; the second occurrence is reported.</summary>
    public const string DuplicateKey = "duplicateKey";

    /// <summary>The same value is listed twice in a list that allows each once, for example <c>"hardware": ["rods", "rods"]</c>.</summary>
    public const string DuplicateValue = "duplicateValue";

    /// <summary>A value of the wrong JSON type, for example a string where a number is expected, or a document that is not an object.</summary>
    public const string WrongType = "wrongType";

    /// <summary>A date that is not <c>yyyy-MM-dd</c> or not a real date, for example <c>"2026-02-30"</c>.</summary>
    public const string InvalidDate = "invalidDate";

    /// <summary>A required value is missing (or empty), for example <c>surgeryDate</c>.</summary>
    public const string Required = "required";

    /// <summary>A number outside its allowed range, for example a pain score of 11 or a temperature of 50 °C.</summary>
    public const string OutOfRange = "outOfRange";

    /// <summary>A text longer than allowed, for example a <c>reportId</c> of more than 128 characters.</summary>
    public const string TooLong = "tooLong";

    /// <summary><c>surgeryDate</c> is after <c>assessedOn</c>.</summary>
    public const string DateOrder = "dateOrder";

    /// <summary><c>assessedOn</c> is more than one day after today's date on the engine's clock.</summary>
    public const string FutureDate = "futureDate";

    /// <summary>Two values that cannot both be given, for example a case that expects both an urgency and <c>invalid: true</c>.</summary>
    public const string Conflict = "conflict";

    /// <summary>A value in the wrong format, for example a hash that is not <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public const string InvalidFormat = "invalidFormat";

    /// <summary>A value that must agree with another does not, for example an audit record's <c>urgencyCode</c> and <c>urgency</c>.</summary>
    public const string Mismatch = "mismatch";

    /// <summary>A version this library does not read, for example an audit record's <c>recordVersion</c> other than 1 or 2.</summary>
    public const string UnsupportedVersion = "unsupportedVersion";

    /// <summary>An audit record's embedded report does not match its <c>reportHash</c>: the record was altered.</summary>
    public const string HashMismatch = "hashMismatch";

    /// <summary>The input could not be read at all, for example a console input file that does not exist or is empty.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>
    /// An input is larger than its reader's documented limit (docs/reliability.md): report JSON over
    /// <c>TriageEngineOptions.MaxReportBytes</c> (1 MiB by default), a case file over 1 MiB, an audit line over 1 MiB
    /// (<see cref="Audit.AuditRecord.MaxJsonLineBytes"/>), a console reply line over 4096 characters. Nothing of it is read.
    /// Path <c>$</c>.
    /// </summary>
    public const string TooLarge = "tooLarge";

    /// <summary>
    /// More errors were found than are listed: only the first <c>TriageEngineOptions.MaxErrors</c> (100 by default) are
    /// reported, then this one error at <c>$</c> says how many more there were.
    /// </summary>
    public const string TooManyErrors = "tooManyErrors";

    /// <summary>A number with more decimal places than allowed, for example a temperature of <c>37.999</c>: it is refused, never rounded.</summary>
    public const string TooPrecise = "tooPrecise";

    /// <summary>
    /// A language that has no text catalogue (<c>Texts.TextLanguages.All</c>): a report's <c>$.language</c>, the engine's
    /// <c>Language</c> option or the language of a text override.
    /// </summary>
    public const string UnknownLanguage = "unknownLanguage";

    /// <summary>A text override whose key is not a key of the text catalogue (docs/texts.md), for example <c>disposition.urgnet</c>.</summary>
    public const string UnknownTextKey = "unknownTextKey";

    /// <summary>
    /// A text override whose placeholders (<c>{name}</c>) differ from those of the default text: one is missing, or one
    /// is added. The message names the key and both lists.
    /// </summary>
    public const string PlaceholderMismatch = "placeholderMismatch";

    /// <summary>A rule-set document that does not follow docs/schemas/rule-set.schema.json: a property missing, of the wrong type or unknown, or an id not of its grammar.</summary>
    public const string SchemaViolation = "schemaViolation";

    /// <summary>A condition of a rule-set document names a fact the document does not define.</summary>
    public const string UnknownFact = "unknownFact";

    /// <summary>Two questions, facts, rules, safety-net signs or advice lines of a rule-set document share an id.</summary>
    public const string DuplicateId = "duplicateId";

    /// <summary>A red flag of a rule-set document whose yes alone (every other question answered no) gives less than urgent where it counts as a red flag.</summary>
    public const string RedFlagNotUrgent = "redFlagNotUrgent";

    /// <summary>A rule of a rule-set document that fired for none of the extreme and generated reports of its check: it can never fire.</summary>
    public const string RuleNeverFires = "ruleNeverFires";

    /// <summary>A question of a rule-set document that no rule reads (and that is not a red flag): its answer could never change a result.</summary>
    public const string QuestionNotRead = "questionNotRead";

    /// <summary>A text key a rule-set document names that is missing in a language's text catalogue; the message names the language.</summary>
    public const string TextMissing = "textMissing";

    /// <summary>A rule-set document named <c>spinetriage</c>, the shipped rule sets' name, that differs from the shipped document of its version: a local edition needs its own name.</summary>
    public const string ShippedNameReused = "shippedNameReused";
}
