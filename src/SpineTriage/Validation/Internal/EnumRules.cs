using FluentValidation;
using FluentValidation.Results;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Validation.Internal;

/// <summary>
/// Rules on enum values, cheaper than FluentValidation's own (measured in docs/performance.md):
/// <c>IsInEnum()</c> looks up the enum's attributes by reflection on every call, and <c>RuleForEach</c>
/// costs about half a microsecond per list.
/// </summary>
internal static class EnumRules
{
    /// <summary>The value is one of the enum's named values, as <c>IsInEnum()</c> for an enum without flags.</summary>
    public static IRuleBuilderOptions<T, TEnum> IsDefined<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum => rule.Must(Enum.IsDefined);

    /// <summary>A missing value is valid; a given one must be one of the enum's named values.</summary>
    public static IRuleBuilderOptions<T, TEnum?> IsDefined<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum => rule.Must(value => value is not { } given || Enum.IsDefined(given));

    /// <summary>
    /// Every item is one of the enum's named values (else <paramref name="undefined"/> at <c>path[i]</c>, as
    /// <c>RuleForEach</c> reports it), then no item is listed twice (at the second occurrence).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TEnum>> AreDefinedAndDistinct<T, TEnum>(
        this IRuleBuilder<T, IReadOnlyList<TEnum>> rule, string path, string undefined)
        where TEnum : struct, Enum => rule.Custom((items, context) =>
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (!Enum.IsDefined(items[i]))
                {
                    context.AddFailure(new ValidationFailure($"{path}[{i}]", undefined) { ErrorCode = ErrorCodes.UnknownValue });
                }
            }

            for (var i = 0; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (EqualityComparer<TEnum>.Default.Equals(items[i], items[j]))
                    {
                        var name = Enum.IsDefined(items[i]) ? JsonNames.Of(items[i]) : items[i].ToString();
                        context.AddFailure(new ValidationFailure($"{path}[{i}]", $"'{name}' is listed twice (first at {path}[{j}]); list each value once.") { ErrorCode = ErrorCodes.DuplicateValue });
                        break;
                    }
                }
            }
        });
}
