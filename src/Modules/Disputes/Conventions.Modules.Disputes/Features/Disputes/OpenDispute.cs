using Conventions.BuildingBlocks.LegalCalendar;
using Conventions.Modules.Conventions.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Disputes.Features;

internal sealed record NoticeInput
{
    /// <example>simple-letter</example>
    public NoticeChannel? Channel { get; init; }

    /// <summary>The date the notice was sent (optional).</summary>
    /// <example>2026-11-16</example>
    public DateOnly? SentOn { get; init; }

    /// <summary>The date the notice reached the other party (for a registered letter, the date on the acknowledgment of receipt): deadlines start from it.</summary>
    /// <example>2026-11-18</example>
    public DateOnly? NotifiedOn { get; init; }
}

/// <summary>Opens a dispute: one party notifies the other of a breach.</summary>
internal sealed record OpenDispute : ICommand<DisputeDto>
{
    public Guid? ConventionId { get; init; }

    /// <example>operator</example>
    public ConventionParty? RaisedBy { get; init; }

    /// <example>breach</example>
    public DisputeKind? Kind { get; init; }

    /// <example>Grand nombre de réservations inutilisées malgré les alertes indicatives.</example>
    public string? Grounds { get; init; }

    public NoticeInput? Notice { get; init; }
}

internal sealed class OpenDisputeValidator : AbstractValidator<OpenDispute>
{
    public OpenDisputeValidator(TimeProvider clock)
    {
        RuleFor(c => c.ConventionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.RaisedBy).NotNull().WithMessage("Required: operator or partner.");
        RuleFor(c => c.Kind).NotNull().WithMessage("Required: breach or internal-rules-breach.");
        RuleFor(c => c.Grounds).RequiredParagraphs(4000);
        RuleFor(c => c.Notice).NotNull().WithMessage("Required.");
        RuleFor(c => c.Notice!.Channel).NotNull().WithMessage("Required: simple-letter, registered-letter, email or hand-delivered.").When(c => c.Notice is not null);
        RuleFor(c => c.Notice!.NotifiedOn).NotNull().WithMessage("Required.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.")
            .When(c => c.Notice is not null);
        RuleFor(c => c.Notice!.SentOn)
            .Must((c, sent) => sent is null || c.Notice!.NotifiedOn is null || sent <= c.Notice.NotifiedOn).WithMessage("A notice is sent before it reaches the other party.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.")
            .When(c => c.Notice is not null);
    }
}

internal sealed partial class OpenDisputeHandler
{
    private static readonly DisputeStatus[] OpenStatuses =
        [DisputeStatus.AwaitingExplanation, DisputeStatus.TerminationWindowOpen, DisputeStatus.TerminationRightLapsed, DisputeStatus.AwaitingRemedy];
}

internal sealed partial class OpenDisputeHandler(DisputesDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, DisputeEffects effects)
    : ICommandHandler<OpenDispute, DisputeDto>
{
    public async ValueTask<DisputeDto> Handle(OpenDispute command, CancellationToken cancellationToken)
    {
        var convention = await mediator.Send(new GetConventionSummary(command.ConventionId!.Value), cancellationToken)
            ?? throw new BusinessRuleException("dispute.unknown_convention", $"No convention with id '{command.ConventionId}'.");
        var actor = current.Actor;
        if (!(actor.SeesEverything || actor.OrganizationId == convention.OperatorOrganizationId || actor.OrganizationId == convention.PartnerOrganizationId))
        {
            throw new ForbiddenException("convention.forbidden", "This convention is between other organizations.");
        }
        DisputeAccess.EnsureActsFor(actor, command.RaisedBy!.Value, convention.TemplateKey, convention.OperatorOrganizationId, convention.PartnerOrganizationId);
        if (await db.Disputes.AnyAsync(d => d.ConventionId == convention.Id && OpenStatuses.Contains(d.Status), cancellationToken))
        {
            throw new ConflictException("dispute.already_open", "A dispute on this convention is still open: settle it first.");
        }
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var notice = command.Notice!;
        // The deadlines count the public holidays of the convention's place: the operator's (Alsace-Moselle has two more).
        var @operator = await mediator.Send(new global::Conventions.Modules.Partners.Contracts.GetOrganizationSummary(convention.OperatorOrganizationId), cancellationToken);
        var region = HolidayRegions.OfPostalCode(@operator?.Address.PostalCode);
        // An internal-rules breach cites the version of the rules the partner acknowledged under this convention.
        var acknowledgedRules = command.Kind == DisputeKind.InternalRulesBreach
            ? await mediator.Send(new global::Conventions.Modules.Scheduling.Contracts.GetRulesAcknowledgment(convention.Id), cancellationToken)
            : null;
        var (dispute, opened) = Dispute.Open(convention, command.RaisedBy.Value, command.Kind!.Value, command.Grounds!.Trim(), notice.Channel!.Value, notice.SentOn, notice.NotifiedOn!.Value, now, region,
            acknowledgedRules);
        db.Disputes.Add(dispute);
        // A dispute recorded late (notified weeks ago) catches up at once.
        opened.AddRange(dispute.ApplyDue(today, now));
        await effects.ExecuteAsync(db, dispute, null, opened, today, now, cancellationToken);
        return DisputeMapping.ToDto(dispute);
    }
}
