using Conventions.BuildingBlocks.Mediation;
using Conventions.Modules.Scheduling.Contracts;
using System.Data;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A refusal's reason, told to the partner.</summary>
internal sealed record RefusalBody
{
    /// <example>La salle est réservée aux ateliers collectifs le jeudi après-midi.</example>
    public string? Reason { get; init; }
}

/// <summary>The venue's operator approves a proposed permanence: checked again as of now, then expanded into occurrences.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record ApprovePermanence(Guid PermanenceId) : ICommand<PermanenceDto>;

/// <summary>The venue's operator refuses a proposed permanence, with its reason.</summary>
internal sealed record RefusePermanence(Guid PermanenceId, RefusalBody Body) : ICommand<PermanenceDto>;

internal sealed class RefusePermanenceValidator : AbstractValidator<RefusePermanence>
{
    public RefusePermanenceValidator() => RuleFor(c => c.Body.Reason).RequiredText(1000).OverridePropertyName("reason");
}

internal sealed class DecidePermanenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, PermanenceNotices notices)
    : ICommandHandler<ApprovePermanence, PermanenceDto>, ICommandHandler<RefusePermanence, PermanenceDto>
{
    public async ValueTask<PermanenceDto> Handle(ApprovePermanence command, CancellationToken cancellationToken)
    {
        var (permanence, venue) = await LoadAsync(command.PermanenceId, cancellationToken);
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, permanence.ConventionId, cancellationToken);
        var room = await db.Rooms.SingleAsync(r => r.Id == permanence.RoomId, cancellationToken);
        var plan = await PermanencePlanner.PlanAsync(db, mediator, convention, venue, room, permanence, cancellationToken);
        permanence.Status = PermanenceStatus.Approved;
        permanence.DecidedAt = clock.GetUtcNow();
        var occurrences = PermanencePlanner.Occurrences(permanence, plan.Dates);
        db.Occurrences.AddRange(occurrences);
        await notices.PublishAsync(db, venue, permanence, PermanenceChange.Approved, occurrences.Count, permanence.DecidedAt.Value, cancellationToken);
        return PermanencePlanner.ToDto(permanence, occurrences, plan.Skipped);
    }

    public async ValueTask<PermanenceDto> Handle(RefusePermanence command, CancellationToken cancellationToken)
    {
        var (permanence, venue) = await LoadAsync(command.PermanenceId, cancellationToken);
        permanence.Status = PermanenceStatus.Refused;
        permanence.RefusalReason = command.Body.Reason!.Trim();
        permanence.DecidedAt = clock.GetUtcNow();
        await notices.PublishAsync(db, venue, permanence, PermanenceChange.Refused, 0, permanence.DecidedAt.Value, cancellationToken);
        return PermanencePlanner.ToDto(permanence, [], []);
    }

    private async Task<(Permanence, Venue)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var permanence = await db.Permanences.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFoundException.For("permanence", id);
        var venue = await SchedulingAccess.VenueAsync(db, permanence.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        permanence.EnsureProposed();
        return (permanence, venue);
    }
}
