using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

internal sealed record AnswerBody
{
    /// <summary>True confirms the committee's decision; false withholds the partner's agreement (a renewal then does not happen).</summary>
    /// <example>true</example>
    public bool? Agrees { get; init; }

    /// <example>Nous confirmons la reconduction décidée en comité de suivi.</example>
    public string? Comment { get; init; }
}

/// <summary>
/// The partner's answer to the follow-up committee's decision (article 1: renewed "après accord respectif des deux
/// parties"). Only a key of the partner's own organization answers; the operator is told by notice.
/// </summary>
internal sealed record AnswerDecision(Guid ConventionId, Guid CommitteeId, AnswerBody Body) : ICommand<CommitteeDto>;

internal sealed class AnswerDecisionValidator : AbstractValidator<AnswerDecision>
{
    public AnswerDecisionValidator()
    {
        RuleFor(c => c.Body.Agrees).NotNull().WithMessage("Required: true (the partner agrees) or false.");
        RuleFor(c => c.Body.Comment).OptionalParagraphs(2000);
    }
}

internal sealed class AnswerDecisionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects)
    : ICommandHandler<AnswerDecision, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(AnswerDecision command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanSignFor(current.Actor, convention, ConventionParty.Partner);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var committee = convention.AnswerDecision(command.CommitteeId, command.Body.Agrees!.Value, command.Body.Comment?.Trim() is { Length: > 0 } c ? c : null,
            current.Actor.CredentialId, today, now);
        effects.CommitteeAnswered(db, convention, await documents.PartiesAsync(convention, cancellationToken), committee, today, now);
        return ConventionMapping.ToDto(committee);
    }
}
