using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

/// <summary>A party's signature: its signatory's name and title, the place and the date.</summary>
internal sealed record SignatureBody
{
    /// <example>partner</example>
    public ConventionParty? Party { get; init; }

    /// <example>Claire MARTIN</example>
    public string? SignatoryName { get; init; }

    /// <example>Directrice</example>
    public string? SignatoryTitle { get; init; }

    /// <example>Lyon</example>
    public string? Place { get; init; }

    /// <example>2026-09-15</example>
    public DateOnly? SignedOn { get; init; }
}

internal sealed record SignConvention(Guid ConventionId, SignatureBody Body) : ICommand<ConventionDto>;

internal sealed class SignatureBodyValidator : AbstractValidator<SignatureBody>
{
    public SignatureBodyValidator(TimeProvider clock)
    {
        RuleFor(s => s.Party).NotNull().WithMessage("Required: operator or partner.");
        RuleFor(s => s.SignatoryName).RequiredText(200);
        RuleFor(s => s.SignatoryTitle).RequiredText(200);
        RuleFor(s => s.Place).RequiredText(120);
        RuleFor(s => s.SignedOn).NotNull().WithMessage("Required.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.");
    }
}

internal sealed class SignConventionValidator : AbstractValidator<SignConvention>
{
    public SignConventionValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignConventionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects)
    : ICommandHandler<SignConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(SignConvention command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        ConventionAccess.EnsureCanActFor(current.Actor, convention, body.Party!.Value);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var effect = convention.Sign(body.Party.Value, body.SignatoryName!.Trim(), body.SignatoryTitle!.Trim(), body.Place!.Trim(), body.SignedOn!.Value, today, now);
        if (effect is not null)
        {
            effects.Publish(db, convention, await documents.PartiesAsync(convention, cancellationToken), [effect], today, now);
        }
        return ConventionMapping.ToDto(convention);
    }
}
