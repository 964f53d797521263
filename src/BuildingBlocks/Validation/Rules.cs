using FluentValidation;

namespace Conventions.BuildingBlocks.Validation;

/// <summary>Input rules shared by every module's validators.</summary>
public static class Rules
{
    /// <summary>A required single-line text: not blank, at most <paramref name="max"/> characters, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().WithMessage("Required.")
            .Must(v => v is null || !string.IsNullOrWhiteSpace(v)).WithMessage("Required.")
            .MaximumLength(max)
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: false)).WithMessage("Must not contain control characters.");

    /// <summary>An optional single-line text.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: false)).WithMessage("Must not contain control characters.");

    /// <summary>A free text that may span lines (grounds, minutes, comments).</summary>
    public static IRuleBuilderOptions<T, string?> RequiredParagraphs<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().WithMessage("Required.")
            .Must(v => v is null || !string.IsNullOrWhiteSpace(v)).WithMessage("Required.")
            .MaximumLength(max)
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: true)).WithMessage("Must not contain control characters.");

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(320).EmailAddress().WithMessage("Must be an e-mail address.")
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: false)).WithMessage("Must not contain control characters.");

    public static IRuleBuilderOptions<T, string?> OptionalPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(40)
            .Matches(@"^\+?[0-9 .()\-]{4,40}$").WithMessage("Must be a phone number (digits, spaces, dots, dashes, an optional leading +).");

    public static IRuleBuilderOptions<T, string?> OptionalWebsite<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(300)
            .Must(v => v is null || (Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("Must be an absolute http or https address.");

    public static bool HasControlCharacters(string value, bool allowNewLines) =>
        value.Any(c => char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t'));
}
