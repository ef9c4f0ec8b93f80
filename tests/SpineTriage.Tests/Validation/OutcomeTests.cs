using FluentAssertions;
using SpineTriage.Validation;

namespace SpineTriage.Tests.Validation;

public class OutcomeTests
{
    private static readonly ValidationError PainError = new("$.painScore", ErrorCodes.OutOfRange, "painScore must be a whole number from 0 to 10; got 11.");

    [Fact]
    public void A_success_holds_its_value_and_no_error()
    {
        var outcome = Outcome.Success("value");

        outcome.IsSuccess.Should().BeTrue();
        outcome.Value.Should().Be("value");
        outcome.Errors.Should().BeEmpty();
        outcome.TryGetValue(out var value).Should().BeTrue();
        value.Should().Be("value");
        outcome.GetValueOrThrow().Should().Be("value");
    }

    [Fact]
    public void A_failure_holds_every_error_and_no_value()
    {
        var second = new ValidationError("$.answers.fevr", ErrorCodes.UnknownQuestion, "unknown question");
        var outcome = Outcome.Failure<string>([PainError, second]);

        outcome.IsSuccess.Should().BeFalse();
        outcome.Value.Should().BeNull();
        outcome.Errors.Should().Equal(PainError, second);
        outcome.TryGetValue(out _).Should().BeFalse();
    }

    [Fact]
    public void A_failure_copies_the_errors_it_is_given()
    {
        var errors = new List<ValidationError> { PainError };
        var outcome = Outcome.Failure<string>(errors);
        errors.Clear();

        outcome.Errors.Should().Equal(PainError);
    }

    [Fact]
    public void A_failure_needs_at_least_one_error()
    {
        var make = () => Outcome.Failure<string>([]);

        make.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Getting_the_value_of_a_failure_throws_naming_the_path_but_no_value()
    {
        var outcome = Outcome.Failure<string>([PainError]);

        var get = () => outcome.GetValueOrThrow();

        get.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("$.painScore").And.Contain(ErrorCodes.OutOfRange).And.NotContain("11");
    }

    [Fact]
    public void Map_converts_a_success_and_keeps_the_errors_of_a_failure()
    {
        Outcome.Success(4).Map(n => n * 2).Value.Should().Be(8);

        var failure = Outcome.Failure<int>([PainError]).Map<string>(_ => throw new InvalidOperationException("not called"));

        failure.IsSuccess.Should().BeFalse();
        failure.Errors.Should().Equal(PainError);
    }

    [Fact]
    public void ToString_names_the_kind_of_outcome_but_never_the_value()
    {
        Outcome.Success("John Smith").ToString().Should().Be("Outcome<String>: success");
        Outcome.Failure<string>([PainError]).ToString().Should().Be("Outcome<String>: 1 error(s)");
    }

    [Fact]
    public void Success_failure_and_map_refuse_a_null_argument_by_name()
    {
        FluentActions.Invoking(() => Outcome.Success<string>(null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
        FluentActions.Invoking(() => Outcome.Failure<string>(null!)).Should().Throw<ArgumentNullException>().WithParameterName("errors");

        // On a failure the conversion is never called, so only the guard can refuse it.
        FluentActions.Invoking(() => Outcome.Failure<string>([PainError]).Map<int>(null!)).Should().Throw<ArgumentNullException>().WithParameterName("convert");
        FluentActions.Invoking(() => Outcome.Success("value").Map<int>(null!)).Should().Throw<ArgumentNullException>().WithParameterName("convert");
    }
}
