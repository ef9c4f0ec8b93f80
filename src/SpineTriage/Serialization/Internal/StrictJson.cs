using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpineTriage.Validation;
using SpineTriage.Validation.Internal;

namespace SpineTriage.Serialization.Internal;

/// <summary>Reads the root value of a document; the reader is on its first token and must end on its last.</summary>
internal delegate T? ReadRoot<T>(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors)
    where T : class;

/// <summary>
/// The one strict reader of SpineTriage's JSON inputs (reports, case files, audit records): a forward-only
/// <see cref="Utf8JsonReader"/> over the UTF-8 bytes, no document tree. It reports malformed JSON, text that is
/// not valid, nesting deeper than <see cref="MaxDepth"/>; <see cref="StrictObject"/> reports unknown and
/// duplicate properties; the helpers here describe wrong values. Every error has its JSON path and code.
/// </summary>
internal static class StrictJson
{
    /// <summary>Deeper documents are refused before they can exhaust the stack; a report is 3 levels deep.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    // Throws on an unpaired surrogate instead of writing U+FFFD: bad text is an error, never silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a document from UTF-8 (a leading byte-order mark is allowed).</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="read">Reads its root value.</param>
    /// <param name="errors">The errors found, at most <paramref name="maxErrors"/> kept.</param>
    /// <param name="maxErrors">How many errors to keep; 0 for <see cref="ErrorLimit.DefaultMax"/>.</param>
    public static T? Read<T>(ReadOnlySpan<byte> utf8, ReadRoot<T> read, out ErrorList errors, int maxErrors = 0)
        where T : class
    {
        // A UTF-8 byte-order mark is not JSON, but files saved by common editors carry one.
        if (utf8 is [0xEF, 0xBB, 0xBF, ..])
        {
            utf8 = utf8[3..];
        }

        return ReadWithoutMark(utf8, read, out errors, maxErrors);
    }

    private static T? ReadWithoutMark<T>(ReadOnlySpan<byte> utf8, ReadRoot<T> read, out ErrorList errors, int maxErrors)
        where T : class
    {
        errors = new ErrorList(maxErrors);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            reader.Read();
            var value = read(utf8, ref reader, ref errors);

            // Anything but whitespace after the root value is malformed (the reader throws).
            reader.Read();
            return value;
        }
        catch (JsonException e)
        {
            errors = ErrorList.Of(Malformed(e));
            return null;
        }
        catch (InvalidOperationException)
        {
            // Strings are checked only when read: invalid UTF-8 bytes or an escaped lone surrogate ("\ud800")
            // surface here. Malformed JSON later in the input is still the first thing to report.
            try
            {
                while (reader.Read())
                {
                }
            }
            catch (JsonException e)
            {
                errors = ErrorList.Of(Malformed(e));
                return null;
            }

            errors = ErrorList.Of(NotText());
            return null;
        }
    }

    /// <summary>Reads a document from a string (a leading byte-order mark character, U+FEFF, is allowed).</summary>
    /// <param name="json">The document.</param>
    /// <param name="read">Reads its root value.</param>
    /// <param name="errors">The errors found, at most <paramref name="maxErrors"/> kept.</param>
    /// <param name="maxErrors">How many errors to keep; 0 for <see cref="ErrorLimit.DefaultMax"/>.</param>
    public static T? Read<T>(string json, ReadRoot<T> read, out ErrorList errors, int maxErrors = 0)
        where T : class
    {
        // The same byte-order mark, decoded as a character by a reader that did not drop it: read like the UTF-8 form.
        var text = json.AsSpan();
        if (text is ['\uFEFF', ..])
        {
            text = text[1..];
        }

        byte[]? rented = null;
        try
        {
            int length;
            try
            {
                rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(text.Length));
                length = StrictUtf8.GetBytes(text, rented);
            }
            catch (ArgumentException)
            {
                // A raw unpaired surrogate in the string cannot be transcoded to UTF-8 for the parser.
                errors = ErrorList.Of(NotText());
                return null;
            }

            return ReadWithoutMark(rented.AsSpan(0, length), read, out errors, maxErrors);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static ValidationError NotText() =>
        new("$", ErrorCodes.NotText, "the input contains a string that is not valid text (invalid UTF-8, or an unpaired surrogate such as \\ud800).");

    private static ValidationError Malformed(JsonException e)
    {
        var where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
            : "";

        // Truncated input also mentions "depth" ("expected depth to be zero at the end"); only the limit is nesting.
        return e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? new("$", ErrorCodes.TooDeep, $"the JSON is nested deeper than {MaxDepth} levels{where}.")
            : new("$", ErrorCodes.MalformedJson, $"the input is not well-formed JSON (UTF-8, no comments, no trailing commas){where}.");
    }

    /// <summary>Describes the current value for an error message without echoing long input back; does not move the reader.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Shorten(reader.GetString() ?? "")}\"",
        JsonTokenType.Number => $"the number {Shorten(Encoding.UTF8.GetString(reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => "nothing",
    };

    /// <summary>Reports a value of the wrong type (<c>{expectation}; got …</c>) and moves past it.</summary>
    public static void WrongType(ref Utf8JsonReader reader, string path, string expectation, ref ErrorList errors, string code = ErrorCodes.WrongType)
    {
        if (errors.IsFull)
        {
            errors.AddOmitted();
            reader.Skip();
            return;
        }

        errors.Add(new(path, code, $"{expectation}; got {Describe(ref reader)}."));
        reader.Skip();
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    public static string PathOf(string parent, string name) =>
        name.Length is > 0 and <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{parent}.{name}"
            : $"{parent}['{Shorten(name).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Suggests the allowed name that differs only in case or by one or two edits.</summary>
    public static string Suggest(string name, IReadOnlyList<string> allowed)
    {
        var best = allowed
            .Select(candidate => (candidate, distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(c => c.distance)
            .First();
        return best.distance <= 2 ? $" (did you mean '{best.candidate}'?)" : "";
    }

    /// <summary>
    /// Reads a date as <c>yyyy-MM-dd</c> (ASCII digits, a real calendar date) from the current string token, without
    /// allocating unless the string holds escapes.
    /// </summary>
    public static bool TryGetDate(ref Utf8JsonReader reader, out DateOnly date)
    {
        date = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            return DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        // The same form as TryParseExact reads (exactly 4, 2 and 2 ASCII digits), read from the bytes.
        var s = reader.ValueSpan;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>
/// The errors found so far, at most a maximum (<see cref="ErrorLimit.DefaultMax"/> unless given); the rest are only
/// counted. Allocates nothing until the first error.
/// </summary>
internal struct ErrorList
{
    private readonly int _max;
    private List<ValidationError>? _errors;

    /// <param name="max">How many errors to keep; more are counted in <see cref="Omitted"/>.</param>
    public ErrorList(int max) => _max = max;

    /// <summary>Gets the number of errors kept.</summary>
    public readonly int Count => _errors?.Count ?? 0;

    /// <summary>Gets the number of errors found beyond the maximum, not kept.</summary>
    public int Omitted { readonly get; private set; }

    /// <summary>Gets whether no further error is kept: a reader may skip building its message.</summary>
    public readonly bool IsFull => Count >= Max;

    /// <summary>Gets the errors kept, without the summary of the omitted ones.</summary>
    public readonly IReadOnlyList<ValidationError> Listed => _errors ?? (IReadOnlyList<ValidationError>)[];

    /// <summary>Gets the errors kept, then one <see cref="ErrorCodes.TooManyErrors"/> error when any were omitted.</summary>
    public readonly IReadOnlyList<ValidationError> Items => Omitted == 0 ? Listed : [.. Listed, ErrorLimit.Summary(Omitted, Max)];

    private readonly int Max => _max > 0 ? _max : ErrorLimit.DefaultMax;

    public static ErrorList Of(ValidationError error)
    {
        var list = default(ErrorList);
        list.Add(error);
        return list;
    }

    public void Add(ValidationError error)
    {
        if (IsFull)
        {
            Omitted++;
            return;
        }

        (_errors ??= []).Add(error);
    }

    /// <summary>Counts an error that would not be kept anyway, without its message having been built.</summary>
    public void AddOmitted() => Omitted++;

    public void Insert(int index, ValidationError error)
    {
        if (IsFull)
        {
            Omitted++;
            if (index >= Count)
            {
                return;
            }

            // The error belongs before ones already kept: keep it, and count the last kept one as omitted instead.
            _errors!.RemoveAt(_errors.Count - 1);
        }

        (_errors ??= []).Insert(index, error);
    }
}

/// <summary>The allowed property names of one JSON object shape, and how an unknown name is reported.</summary>
internal sealed class ObjectShape
{
    private readonly byte[][] _utf8;
    private readonly Func<string, string> _unknownMessage;

    /// <summary>A shape whose unknown properties are reported as <c>unknown property 'x' (did you mean 'y'?); allowed: …</c>.</summary>
    public ObjectShape(params string[] names)
        : this(names, ErrorCodes.UnknownProperty, null)
    {
    }

    public ObjectShape(string[] names, string unknownCode, Func<string, string>? unknownMessage)
    {
        _utf8 = names.Select(Encoding.UTF8.GetBytes).ToArray();
        UnknownCode = unknownCode;
        var allowed = string.Join(", ", names);
        _unknownMessage = unknownMessage
            ?? (name => $"unknown property '{StrictJson.Shorten(name)}'{StrictJson.Suggest(name, names)}; allowed: {allowed}.");
    }

    public string UnknownCode { get; }

    /// <summary>
    /// Gets whether an unknown property is reported at the object's path, without its name (audit records: a
    /// stored name may hold patient data). Known names, even duplicated, are still named.
    /// </summary>
    public bool HidesUnknownNames { get; init; }

    public string UnknownMessage(string name) => _unknownMessage(name);

    /// <summary>The index of the current property name (or string value) among the names, or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (span.SequenceEqual(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Walks one JSON object strictly: a property that appears twice (reported at its second occurrence) or is
/// not in the shape is an error, and its value is skipped. Such errors of an object come before the errors
/// of its values, as a reader of the whole object would find them.
/// </summary>
internal struct StrictObject
{
    private readonly string _path;
    private readonly ObjectShape _shape;
    private int _insertAt;
    private ulong _seen;
    private HashSet<int>? _seenBeyond64; // the known properties seen past the 64th name (a local edition's many questions)
    private HashSet<string>? _unknownSeen;

    /// <param name="path">The object's JSON path.</param>
    /// <param name="shape">Its allowed properties.</param>
    /// <param name="errors">The errors so far.</param>
    public StrictObject(string path, ObjectShape shape, ref ErrorList errors)
    {
        _path = path;
        _shape = shape;
        _insertAt = errors.Count;
    }

    /// <summary>
    /// Moves to the next known, first-seen property: its index, with the reader on its value. Any other property is
    /// reported and skipped on the way. Returns <see langword="false"/> (and -1) at the end of the object.
    /// </summary>
    public bool Next(ref Utf8JsonReader reader, ref ErrorList errors, out int index)
    {
        while (true)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                index = -1;
                return false;
            }

            index = _shape.IndexOf(ref reader);
            if (index >= 0 && FirstSeen(index))
            {
                reader.Read();
                return true;
            }

            if (errors.IsFull)
            {
                // The message would not be kept: count the error without building it (or remembering the name).
                errors.AddOmitted();
                reader.Skip(); // on a property name, Skip moves past its value
                continue;
            }

            var name = reader.GetString()!;
            var hidden = index < 0 && _shape.HidesUnknownNames;
            var path = hidden ? _path : StrictJson.PathOf(_path, name);
            if (index >= 0 || !(_unknownSeen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                errors.Insert(_insertAt++, new(path, ErrorCodes.DuplicateKey, hidden
                    ? "an unknown property appears more than once (its name is not shown)."
                    : $"'{StrictJson.Shorten(name)}' appears more than once; each property may appear once."));
            }
            else
            {
                errors.Insert(_insertAt++, new(path, _shape.UnknownCode, _shape.UnknownMessage(name)));
            }

            reader.Skip(); // on a property name, Skip moves past its value
        }
    }

    private bool FirstSeen(int index)
    {
        if (index >= 64)
        {
            return (_seenBeyond64 ??= []).Add(index);
        }

        var first = (_seen & (1UL << index)) == 0;
        _seen |= 1UL << index;
        return first;
    }
}

/// <summary>The camelCase JSON names of an enum as UTF-8, for matching string tokens without allocating.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();

    private static readonly ObjectShape Shape = new(Values.Select(v => JsonNames.Of(v)).ToArray());

    /// <summary>Matches the current string token to a value, exactly (case-sensitive).</summary>
    public static bool TryMatch(ref Utf8JsonReader reader, out T value)
    {
        if (reader.TokenType == JsonTokenType.String && Shape.IndexOf(ref reader) is var i and >= 0)
        {
            value = Values[i];
            return true;
        }

        value = default;
        return false;
    }
}
