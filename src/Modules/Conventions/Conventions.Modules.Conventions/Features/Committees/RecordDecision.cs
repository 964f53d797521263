using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

internal sealed record DecisionBody
{
    /// <summary>True to renew for one more year; false makes the convention expire at the end of the period.</summary>
    /// <example>true</example>
    public bool? Renew { get; init; }

    /// <example>Bilan positif : 42 personnes accompagnées. Reconduction acceptée par les deux parties.</example>
    public string? Minutes { get; init; }
}

internal sealed record RecordDecision(Guid ConventionId, Guid CommitteeId, DecisionBody Body) : ICommand<CommitteeDto>;

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Body.Renew).NotNull().WithMessage("Required: true or false.");
        RuleFor(c => c.Body.Minutes).RequiredParagraphs(4000);
    }
}

internal sealed class RecordDecisionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects)
    : ICommandHandler<RecordDecision, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(RecordDecision command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var committee = convention.RecordDecision(command.CommitteeId, command.Body.Renew!.Value, command.Body.Minutes!.Trim(), today, now, current.Actor.CredentialId);
        effects.CommitteeDecided(db, convention, await documents.PartiesAsync(convention, cancellationToken), committee, today, now);
        return ConventionMapping.ToDto(committee);
    }
}
