namespace Conventions.Modules.Conventions.Features;

/// <summary>A signatory of the convention.</summary>
internal sealed record SignatoryInput
{
    /// <example>Anne Sophie CONDEMINE</example>
    public string? FullName { get; init; }

    /// <example>Présidente</example>
    public string? Title { get; init; }
}

internal sealed class SignatoryValidator : AbstractValidator<SignatoryInput>
{
    public SignatoryValidator()
    {
        RuleFor(s => s.FullName).RequiredText(200);
        RuleFor(s => s.Title).RequiredText(200);
    }
}
