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
}
