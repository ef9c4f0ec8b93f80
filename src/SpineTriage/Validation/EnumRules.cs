using FluentValidation;

namespace SpineTriage.Internal;

/// <summary>
/// <c>IsDefined()</c>: the value is one of the enum's named values, as FluentValidation's <c>IsInEnum()</c> for
/// an enum without <see cref="FlagsAttribute"/>. <c>IsInEnum()</c> looks up the enum's attributes by
/// reflection on every call, which made it most of the cost of validating a report (docs/performance.md).
/// </summary>
internal static class EnumRules
{
    public static IRuleBuilderOptions<T, TEnum> IsDefined<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum => rule.Must(Enum.IsDefined);

    /// <summary>A missing value is valid; a given one must be defined.</summary>
    public static IRuleBuilderOptions<T, TEnum?> IsDefined<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum => rule.Must(value => value is not { } given || Enum.IsDefined(given));
}
