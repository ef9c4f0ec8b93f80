namespace SpineTriage.Fhir;

/// <summary>
/// The error codes only FHIR input can raise, beside the library's <see cref="SpineTriage.Validation.ErrorCodes"/>
/// (<c>unknownQuestion</c>, <c>wrongType</c>, <c>unknownValue</c>, <c>duplicateKey</c>, <c>duplicateValue</c>,
/// <c>required</c>, <c>invalidDate</c>, <c>mismatch</c>, <c>unsupportedVersion</c>, …), which are used wherever they fit.
/// </summary>
public static class FhirErrorCodes
{
    /// <summary>An item that allows one answer has several.</summary>
    public const string RepeatedAnswer = "repeatedAnswer";

    /// <summary>An item nested in an item or an answer: the SpineTriage questionnaire is flat.</summary>
    public const string NestedItem = "nestedItem";

    /// <summary>The response's status says it must not be used (<c>entered-in-error</c>).</summary>
    public const string EnteredInError = "enteredInError";

    /// <summary>A resource the FHIR parser cannot read (the parser's own code and message are in the error's message).</summary>
    public const string InvalidResource = "invalidResource";

    /// <summary>A resource of another type than the one expected.</summary>
    public const string WrongResourceType = "wrongResourceType";

    /// <summary>A resource id that does not exist (a read of <c>{type}/{id}</c>).</summary>
    public const string UnknownResource = "unknownResource";

    /// <summary>Too many requests from one client in the rate limit's window (HTTP 429).</summary>
    public const string TooManyRequests = "tooManyRequests";
}
