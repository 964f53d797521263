using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Disputes.Domain;
using Conventions.Modules.Disputes.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Disputes.Features;

internal sealed record DeadlineDto(DeadlineName Name, DateOnly StartsFrom, string Period, DateOnly NominalDueOn, DateOnly DueOn, string Explanation, DateOnly ReminderOn, bool Passed);

internal sealed record DisputeEventDto(DateTimeOffset At, string Kind, string Detail);

internal sealed record DisputeNoticeDto(NoticeChannel Channel, DateOnly? SentOn, DateOnly NotifiedOn);

internal sealed record DisputeDto(
    Guid Id, Guid ConventionId, DisputeStatus Status, DisputePolicy Policy, ConventionParty RaisedBy, DisputeKind Kind, string Grounds,
    DisputeNoticeDto Notice, IReadOnlyList<DeadlineDto> Deadlines, IReadOnlyList<DisputeEventDto> Events,
    DateOnly? ExplanationSubmittedOn, string? Explanation, DateOnly? AgreedOn, DateOnly? RemediedOn, string? ResolutionSummary,
    DateOnly? TerminationSentOn, string? TerminationTrackingNumber, DateOnly? NextDueOn, DateTimeOffset CreatedAt,
    AgreementDto? Agreement);

/// <summary>Who agreed: the party that proposed the agreement, and the one that accepted it (null while pending).</summary>
internal sealed record AgreementDto(ConventionParty ProposedBy, DateOnly ProposedOn, string Summary, ConventionParty? AcceptedBy, DateOnly? AcceptedOn, IReadOnlyList<ConventionParty> AgreedBy);

internal static class DisputeMapping
{
    public static DisputeDto ToDto(Dispute d) => new(
        d.Id, d.ConventionId, d.Status, d.Policy, d.RaisedBy, d.Kind, d.Grounds,
        new DisputeNoticeDto(d.NoticeChannel, d.NoticeSentOn, d.NotifiedOn),
        d.Deadlines.OrderBy(x => x.DueOn).Select(x => new DeadlineDto(x.Name, x.StartsFrom, x.Period, x.NominalDueOn, x.DueOn, x.Explanation, x.ReminderOn, x.Passed)).ToList(),
        d.Events.OrderBy(e => e.At).Select(e => new DisputeEventDto(e.At, e.Kind, e.Detail)).ToList(),
        d.ExplanationSubmittedOn, d.ExplanationText, d.AgreedOn, d.RemediedOn, d.ResolutionSummary,
        d.TerminationSentOn, d.TerminationTrackingNumber, d.NextDueOn, d.CreatedAt,
        d.AgreementProposedBy is { } proposedBy
            ? new AgreementDto(proposedBy, d.AgreementProposedOn!.Value, d.AgreementProposal ?? string.Empty, d.AgreementAcceptedBy, d.AgreementAcceptedBy is null ? null : d.AgreedOn,
                d.AgreementAcceptedBy is { } acceptedBy ? [proposedBy, acceptedBy] : [proposedBy])
            : null);
}

/// <summary>Who may see and act on a dispute: the convention's parties, each for its own side; platform admins.</summary>
internal static class DisputeAccess
{
    public static async Task<Dispute> LoadAsync(DisputesDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Disputes.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFoundException.For("dispute", id);

    public static void EnsureCanRead(Actor actor, Dispute dispute)
    {
        if (!(actor.SeesEverything || actor.OrganizationId == dispute.OperatorOrganizationId || actor.OrganizationId == dispute.PartnerOrganizationId))
        {
            throw new ForbiddenException("dispute.forbidden", "This dispute is between other organizations.");
        }
    }

    /// <summary>
    /// Acting for a party: that party's own staff (for the operator, its operator admins, within the convention's
    /// program), or the platform.
    /// </summary>
    public static void EnsureActsFor(Actor actor, ConventionParty party, string templateKey, Guid operatorId, Guid partnerId)
    {
        if (!(actor.SeesEverything || ActsFor(actor, party, templateKey, operatorId, partnerId)))
        {
            throw new ForbiddenException("dispute.party_forbidden", $"Only the {Dispute.Describe(party)} may do this.");
        }
    }

    public static bool ActsFor(Actor actor, ConventionParty party, string templateKey, Guid operatorId, Guid partnerId) =>
        party == ConventionParty.Operator
            ? actor.Role == Role.OperatorAdmin && actor.Operates(ProgramKeys.OfTemplate(templateKey)) && actor.OrganizationId == operatorId
            : actor.IsStaffOf(partnerId, Role.Partner, Role.OperatorAdmin);

    /// <summary>The party the caller records an agreement for: its own side; the platform says which.</summary>
    public static ConventionParty PartyOf(Actor actor, Dispute dispute, ConventionParty? stated)
    {
        if (actor.SeesEverything)
        {
            return stated ?? throw InvalidInputException.Field("party", "Required for the platform: operator or partner.");
        }
        foreach (var party in new[] { ConventionParty.Operator, ConventionParty.Partner })
        {
            if ((stated is null || stated == party) && ActsFor(actor, party, dispute.TemplateKey, dispute.OperatorOrganizationId, dispute.PartnerOrganizationId))
            {
                return party;
            }
        }
        throw new ForbiddenException("dispute.party_forbidden", "An agreement is recorded by each party for itself.");
    }
}

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
        var (dispute, opened) = Dispute.Open(convention, command.RaisedBy.Value, command.Kind!.Value, command.Grounds!.Trim(), notice.Channel!.Value, notice.SentOn, notice.NotifiedOn!.Value, now);
        db.Disputes.Add(dispute);
        // A dispute recorded late (notified weeks ago) catches up at once.
        opened.AddRange(dispute.ApplyDue(today, now));
        await effects.ExecuteAsync(db, dispute, null, opened, today, now, cancellationToken);
        return DisputeMapping.ToDto(dispute);
    }
}

internal sealed record GetDispute(Guid Id) : IQuery<DisputeDto>;

internal sealed record ListDisputes(Guid? ConventionId, DisputeStatus? Status) : IQuery<ListResponse<DisputeDto>>;

internal sealed class DisputeQueries(DisputesDbContext db, ICurrentActor current) : IQueryHandler<GetDispute, DisputeDto>, IQueryHandler<ListDisputes, ListResponse<DisputeDto>>
{
    public async ValueTask<DisputeDto> Handle(GetDispute query, CancellationToken cancellationToken)
    {
        var dispute = await DisputeAccess.LoadAsync(db, query.Id, cancellationToken);
        DisputeAccess.EnsureCanRead(current.Actor, dispute);
        return DisputeMapping.ToDto(dispute);
    }

    public async ValueTask<ListResponse<DisputeDto>> Handle(ListDisputes query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var disputes = db.Disputes.AsNoTracking().AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            disputes = disputes.Where(d => d.OperatorOrganizationId == own || d.PartnerOrganizationId == own);
        }
        if (query.ConventionId is { } conventionId)
        {
            disputes = disputes.Where(d => d.ConventionId == conventionId);
        }
        if (query.Status is { } status)
        {
            disputes = disputes.Where(d => d.Status == status);
        }
        var items = await disputes.OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        return new ListResponse<DisputeDto>(items.Select(DisputeMapping.ToDto).ToList(), items.Count);
    }
}

internal enum DisputeStepKind
{
    Explanation,
    Agreement,
    Remedy,
    Termination,
    WithdrawAgreement,
}

/// <summary>A step on an open dispute. Due transitions are applied first, so the step sees today's state.</summary>
internal sealed record TakeDisputeStep(Guid DisputeId, DisputeStepKind Step, DateOnly? On, string? Text, string? TrackingNumber, ConventionParty? Party = null) : ICommand<DisputeDto>;

internal sealed class TakeDisputeStepValidator : AbstractValidator<TakeDisputeStep>
{
    public TakeDisputeStepValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).NotNull().WithMessage("Required.").When(c => c.Step != DisputeStepKind.WithdrawAgreement)
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.")
            .OverridePropertyName("date");
        RuleFor(c => c.Text).RequiredParagraphs(8000).When(c => c.Step is not (DisputeStepKind.Termination or DisputeStepKind.WithdrawAgreement)).OverridePropertyName("text");
        RuleFor(c => c.TrackingNumber).RequiredText(60).When(c => c.Step == DisputeStepKind.Termination).OverridePropertyName("trackingNumber");
    }
}

internal sealed class TakeDisputeStepHandler(DisputesDbContext db, ICurrentActor current, TimeProvider clock, DisputeEffects effects)
    : ICommandHandler<TakeDisputeStep, DisputeDto>
{
    public async ValueTask<DisputeDto> Handle(TakeDisputeStep command, CancellationToken cancellationToken)
    {
        var dispute = await DisputeAccess.LoadAsync(db, command.DisputeId, cancellationToken);
        var actor = current.Actor;
        DisputeAccess.EnsureCanRead(actor, dispute);
        var party = command.Step switch
        {
            DisputeStepKind.Explanation => dispute.AtFault,
            DisputeStepKind.Termination or DisputeStepKind.Remedy => dispute.RaisedBy,
            _ => (ConventionParty?)null,
        };
        if (party is { } p)
        {
            DisputeAccess.EnsureActsFor(actor, p, dispute.TemplateKey, dispute.OperatorOrganizationId, dispute.PartnerOrganizationId);
        }
        else
        {
            party = DisputeAccess.PartyOf(actor, dispute, command.Party);
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var before = dispute.Status;
        var due = dispute.ApplyDue(today, now);
        await effects.ExecuteAsync(db, dispute, before, due, today, now, cancellationToken);
        before = dispute.Status;
        if (command.Step == DisputeStepKind.WithdrawAgreement)
        {
            dispute.WithdrawAgreement(party.Value, now);
            return DisputeMapping.ToDto(dispute);
        }
        var on = command.On!.Value;
        var stepEffects = command.Step switch
        {
            DisputeStepKind.Explanation => dispute.SubmitExplanation(on, command.Text!.Trim(), now),
            DisputeStepKind.Agreement => dispute.RecordAgreement(party.Value, on, command.Text!.Trim(), now),
            DisputeStepKind.Remedy => dispute.RecordRemedy(on, command.Text!.Trim(), now),
            _ => dispute.Terminate(on, command.TrackingNumber!.Trim(), now),
        };
        await effects.ExecuteAsync(db, dispute, before, stepEffects, today, now, cancellationToken);
        return DisputeMapping.ToDto(dispute);
    }
}

internal sealed record ExplanationBody
{
    /// <example>2026-11-25</example>
    public DateOnly? SubmittedOn { get; init; }

    /// <example>Les invitations inutilisées concernaient une sortie annulée par l'Actionneur ; l'annulation n'a pas été faite à temps.</example>
    public string? Text { get; init; }
}

internal sealed record AgreementBody
{
    public DateOnly? AgreedOn { get; init; }

    public string? Summary { get; init; }

    /// <summary>The party recording its agreement: the caller's own side (required only for the platform admin).</summary>
    public ConventionParty? Party { get; init; }
}

internal sealed record WithdrawAgreementBody
{
    /// <summary>The party withdrawing its agreement: the caller's own side (required only for the platform admin).</summary>
    public ConventionParty? Party { get; init; }
}

internal sealed record RemedyBody
{
    public DateOnly? RemediedOn { get; init; }

    public string? Summary { get; init; }
}

internal sealed record RegisteredLetterInput
{
    /// <example>2026-12-08</example>
    public DateOnly? SentOn { get; init; }

    /// <example>1A 234 567 8901 2</example>
    public string? TrackingNumber { get; init; }
}

internal sealed record TerminationBody
{
    public RegisteredLetterInput? RegisteredLetter { get; init; }
}

internal static class DisputeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/disputes").WithTags("Disputes");
        var parties = new[] { Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner };

        group.MapPost("/", async Task<Created<DisputeDto>> (OpenDispute command, IMediator mediator, CancellationToken ct) =>
            {
                var dispute = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/disputes/{dispute.Id}", dispute);
            })
            .RequireRoles(parties)
            .WithSummary("Opens a dispute on an active or suspended convention; its procedure and deadlines come from the convention's dispute policy.")
            .ProducesRefusals(400, 401, 403, 409, 422);

        group.MapGet("/", async Task<Ok<ListResponse<DisputeDto>>> (Guid? conventionId, DisputeStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDisputes(conventionId, status), ct)))
            .WithSummary("Lists the disputes on the caller's conventions (?conventionId= for one convention).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<DisputeDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDispute(id), ct)))
            .WithSummary("Reads a dispute with its deadlines (each with how it was computed) and its dated events.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/explanation", async Task<Ok<DisputeDto>> (Guid id, ExplanationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Explanation, body.SubmittedOn, body.Text, null), ct)))
            .RequireRoles(parties)
            .WithSummary("The party at fault submits its explanation, within 15 days of the notification.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/agreement", async Task<Ok<DisputeDto>> (Guid id, AgreementBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Agreement, body.AgreedOn, body.Summary, null, body.Party), ct)))
            .RequireRoles(parties)
            .WithSummary("Records the caller's party's agreement. The first party's agreement is a proposal (agreement.proposedBy); when the other party records its own, the dispute is resolved and the convention reinstated. A party cannot agree twice (409 dispute.agreement_already_proposed).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/agreement/withdraw", async Task<Ok<DisputeDto>> (Guid id, WithdrawAgreementBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.WithdrawAgreement, null, null, null, body.Party), ct)))
            .RequireRoles(parties)
            .WithSummary("The party that proposed an agreement withdraws it, before the other party accepted.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/termination", async Task<Ok<DisputeDto>> (Guid id, TerminationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Termination, body.RegisteredLetter?.SentOn, null, body.RegisteredLetter?.TrackingNumber), ct)))
            .RequireRoles(parties)
            .WithSummary("The party that raised the dispute terminates by registered letter, only inside the termination window (409 otherwise).")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/remedy", async Task<Ok<DisputeDto>> (Guid id, RemedyBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Remedy, body.RemediedOn, body.Summary, null), ct)))
            .RequireRoles(parties)
            .WithSummary("Records that the dysfunction was remedied before the month ran out: the convention continues.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
