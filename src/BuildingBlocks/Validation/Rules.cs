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

    /// <summary>An optional free text that may span lines.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalParagraphs<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: true)).WithMessage("Must not contain control characters.");

    /// <summary>
    /// One mailbox address, as the mail library parses it: what it reads must be exactly the address given, so that a
    /// value like <c>victim@example.org;bcc=evil@example.org</c> or a display name with a second address is refused.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(320)
            .Must(v => string.IsNullOrEmpty(v) || IsMailbox(v)).WithMessage("Must be one e-mail address (name@domain).")
            .Must(v => v is null || !HasControlCharacters(v, allowNewLines: false)).WithMessage("Must not contain control characters.");

    public static bool IsMailbox(string value)
    {
        var trimmed = value.Trim();
        return MimeKit.MailboxAddress.TryParse(MimeKit.ParserOptions.Default, trimmed, out var mailbox)
            && string.Equals(mailbox.Address, trimmed, StringComparison.Ordinal)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && trimmed.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < trimmed.Length - 1
            && trimmed.AsSpan(at + 1).Contains('.')
            && !trimmed.AsSpan().ContainsAny(";,<>\"\\ ()[]:");
    }

    public static IRuleBuilderOptions<T, string?> OptionalPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(40)
            .Matches(@"^\+?[0-9 .()\-]{4,40}$").WithMessage("Must be a phone number (digits, spaces, dots, dashes, an optional leading +).");

    public static IRuleBuilderOptions<T, string?> OptionalWebsite<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(300)
            .Must(v => v is null || (Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("Must be an absolute http or https address.");

    /// <summary>
    /// C0 and C1 controls (new lines allowed in paragraphs), and the invisible characters that reorder or hide text:
    /// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width and direction marks
    /// (U+200B–U+200F), the byte-order mark (U+FEFF).
    /// </summary>
    public static bool HasControlCharacters(string value, bool allowNewLines) =>
        value.Any(c => (char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t')) || IsInvisibleFormat(c));

    public static bool IsInvisibleFormat(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200F') or '\uFEFF';
}
