using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A room booked on appointment, under the same conflict rule.</summary>
internal sealed record ReservationBody
{
    public Guid? ConventionId { get; init; }

    /// <example>2027-01-14T14:00:00+01:00</example>
    public DateTimeOffset? StartsAt { get; init; }

    /// <example>2027-01-14T16:00:00+01:00</example>
    public DateTimeOffset? EndsAt { get; init; }

    /// <example>Rendez-vous dossier de retraite</example>
    public string? Purpose { get; init; }
}

[Transactional(IsolationLevel.Serializable)]
internal sealed record ReserveRoom(Guid RoomId, ReservationBody Body) : ICommand<OccurrenceDto>;

internal sealed class ReserveRoomValidator : AbstractValidator<ReserveRoom>
{
    public ReserveRoomValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ConventionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Body.StartsAt).NotNull().WithMessage("Required.").Must(s => s is null || s > clock.GetUtcNow()).WithMessage("Must be in the future.");
        RuleFor(c => c.Body.EndsAt).NotNull().WithMessage("Required.")
            .Must((c, e) => e is null || c.Body.StartsAt is null || (e > c.Body.StartsAt && e - c.Body.StartsAt <= TimeSpan.FromHours(12)))
            .WithMessage("Must be after the start, within 12 hours.");
        RuleFor(c => c.Body.Purpose).RequiredText(300);
    }
}

internal sealed class ReserveRoomHandler(SchedulingDbContext db, ICurrentActor current, IMediator mediator) : ICommandHandler<ReserveRoom, OccurrenceDto>
{
    public async ValueTask<OccurrenceDto> Handle(ReserveRoom command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, body.ConventionId!.Value, cancellationToken);
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == command.RoomId, cancellationToken) ?? throw NotFoundException.For("room", command.RoomId);
        var venue = await SchedulingAccess.VenueAsync(db, room.VenueId, cancellationToken);
        if (venue.OperatorOrganizationId != convention.OperatorOrganizationId)
        {
            throw new BusinessRuleException("room.other_operator", "This room belongs to a venue of another operator than the convention's.");
        }
        var startsAt = body.StartsAt!.Value;
        var date = DateOnly.FromDateTime(ParisTime.ToParis(startsAt).DateTime);
        if (venue.ClosedBecause(date) is { } reason)
        {
            throw new ConflictException("venue.closed", $"The venue is closed on {date:yyyy-MM-dd}: {reason}.");
        }
        var conflicts = await SchedulingAccess.ConflictsAsync(db, room.Id, [(startsAt, body.EndsAt!.Value)], cancellationToken);
        if (conflicts.Count > 0)
        {
            throw SchedulingAccess.RoomConflict(conflicts);
        }
        var occurrence = new Occurrence
        {
            Id = Guid.NewGuid(),
            Kind = OccurrenceKind.Reservation,
            VenueId = venue.Id,
            RoomId = room.Id,
            ConventionId = convention.Id,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            Date = date,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = body.EndsAt.Value.ToUniversalTime(),
            Title = body.Purpose!.Trim(),
            Capacity = room.Capacity,
            Status = OccurrenceStatus.Planned,
        };
        db.Occurrences.Add(occurrence);
        return SchedulingMapping.ToDto(occurrence);
    }
}
