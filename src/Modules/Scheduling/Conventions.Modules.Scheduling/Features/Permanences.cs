using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Scheduling.Domain;
using Conventions.Modules.Scheduling.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A weekly slot over a semester under an active premises convention.</summary>
internal sealed record CreatePermanence : ICommand<PermanenceDto>
{
    public Guid? ConventionId { get; init; }

    public Guid? RoomId { get; init; }

    /// <summary>S1 = January to June, S2 = July to December.</summary>
    /// <example>2027-S1</example>
    public string? Semester { get; init; }

    /// <example>tuesday</example>
    public DayOfWeek? DayOfWeek { get; init; }

    /// <example>09:00</example>
    public string? StartTime { get; init; }

    /// <example>12:00</example>
    public string? EndTime { get; init; }

    /// <example>retirement</example>
    public Activity? Activity { get; init; }

    /// <example>Présidente de l'association</example>
    public string? Intervenant { get; init; }

    /// <summary>How many appointments an occurrence takes.</summary>
    /// <example>6</example>
    public int? Capacity { get; init; }
}

internal sealed record SkippedDateDto(DateOnly Date, string Reason);

internal sealed record PermanenceDto(
    Guid Id, Guid ConventionId, Guid VenueId, Guid RoomId, string Semester, DayOfWeek DayOfWeek, string StartTime, string EndTime,
    Activity Activity, string Intervenant, int Capacity, IReadOnlyList<OccurrenceDto> Occurrences, IReadOnlyList<SkippedDateDto> Skipped);

internal sealed class CreatePermanenceValidator : AbstractValidator<CreatePermanence>
{
    public CreatePermanenceValidator()
    {
        RuleFor(c => c.ConventionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.RoomId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Semester).Must(s => Semesters.TryParse(s, out _, out _)).WithMessage("Required, as 2026-S1 (January-June) or 2026-S2 (July-December).");
        RuleFor(c => c.DayOfWeek).NotNull().WithMessage("Required: monday to sunday.");
        RuleFor(c => c.StartTime).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.");
        RuleFor(c => c.EndTime).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.")
            .Must((c, end) => !SchedulingMapping.TryParseTime(c.StartTime, out var s) || !SchedulingMapping.TryParseTime(end, out var e) || e > s)
            .WithMessage("Must be after the start time.");
        RuleFor(c => c.Activity).NotNull().WithMessage("Required: retirement, residence-permit, digital-workshop or other.");
        RuleFor(c => c.Intervenant).RequiredText(200);
        RuleFor(c => c.Capacity).NotNull().WithMessage("Required.").InclusiveBetween(1, 500);
    }
}

internal sealed class CreatePermanenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CreatePermanence, PermanenceDto>
{
    public async ValueTask<PermanenceDto> Handle(CreatePermanence command, CancellationToken cancellationToken)
    {
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, command.ConventionId!.Value, cancellationToken);
        Semesters.TryParse(command.Semester, out var from, out var to);
        SchedulingMapping.TryParseTime(command.StartTime, out var start);
        SchedulingMapping.TryParseTime(command.EndTime, out var end);
        var now = clock.GetUtcNow();

        return await db.InSerializableTransactionAsync(async ct =>
        {
            var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == command.RoomId, ct) ?? throw NotFoundException.For("room", command.RoomId!.Value);
            var venue = await SchedulingAccess.VenueAsync(db, room.VenueId, ct);
            if (venue.OperatorOrganizationId != convention.OperatorOrganizationId)
            {
                throw new BusinessRuleException("room.other_operator", "This room belongs to a venue of another operator than the convention's.");
            }
            if (command.Capacity > room.Capacity)
            {
                throw new BusinessRuleException("permanence.capacity_exceeds_room", $"The room takes {room.Capacity} people.");
            }
            var (dates, skipped) = Semesters.Expand(from, to, command.DayOfWeek!.Value, venue);
            if (dates.Count == 0)
            {
                throw new BusinessRuleException("permanence.no_dates", "No date of this semester is open on that day.");
            }
            // A wall-clock time the spring DST change skips on one of the dates is refused, not silently moved.
            if (dates.FirstOrDefault(d => !ParisTime.Exists(d, start) || !ParisTime.Exists(d, end)) is var gap && gap != default)
            {
                throw InvalidInputException.Field("startTime", $"On {gap:yyyy-MM-dd} this time does not exist in Europe/Paris (the clocks go forward).");
            }
            var slots = dates.Select(d => (ParisTime.At(d, start), ParisTime.At(d, end))).ToList();
            var conflicts = await SchedulingAccess.ConflictsAsync(db, room.Id, slots, ct);
            if (conflicts.Count > 0)
            {
                throw SchedulingAccess.RoomConflict(conflicts);
            }
            var permanence = new Permanence
            {
                Id = Guid.NewGuid(),
                ConventionId = convention.Id,
                PartnerOrganizationId = convention.PartnerOrganizationId,
                VenueId = venue.Id,
                RoomId = room.Id,
                Semester = command.Semester!.ToUpperInvariant(),
                DayOfWeek = command.DayOfWeek.Value,
                StartTime = start,
                EndTime = end,
                Activity = command.Activity!.Value,
                Intervenant = command.Intervenant!.Trim(),
                Capacity = command.Capacity!.Value,
                CreatedAt = now,
            };
            db.Permanences.Add(permanence);
            var occurrences = dates.Select(d => new Occurrence
            {
                Id = Guid.NewGuid(),
                Kind = OccurrenceKind.Permanence,
                PermanenceId = permanence.Id,
                VenueId = venue.Id,
                RoomId = room.Id,
                ConventionId = convention.Id,
                PartnerOrganizationId = convention.PartnerOrganizationId,
                Date = d,
                StartsAt = ParisTime.At(d, start),
                EndsAt = ParisTime.At(d, end),
                Title = $"Permanence {Titles.Of(permanence.Activity)} – {permanence.Intervenant}",
                Activity = permanence.Activity,
                Intervenant = permanence.Intervenant,
                Capacity = permanence.Capacity,
                Status = OccurrenceStatus.Planned,
            }).ToList();
            db.Occurrences.AddRange(occurrences);
            return new PermanenceDto(
                permanence.Id, permanence.ConventionId, permanence.VenueId, permanence.RoomId, permanence.Semester, permanence.DayOfWeek,
                SchedulingMapping.Time(start), SchedulingMapping.Time(end), permanence.Activity, permanence.Intervenant, permanence.Capacity,
                occurrences.Select(SchedulingMapping.ToDto).ToList(),
                skipped.Select(s => new SkippedDateDto(s.Date, s.Reason)).ToList());
        }, cancellationToken);
    }
}

internal static class Titles
{
    public static string Of(Activity activity) => activity switch
    {
        Activity.Retirement => "retraite",
        Activity.ResidencePermit => "titres de séjour",
        Activity.DigitalWorkshop => "atelier numérique",
        _ => "accompagnement",
    };
}

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
        return await db.InSerializableTransactionAsync(async ct =>
        {
            var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == command.RoomId, ct) ?? throw NotFoundException.For("room", command.RoomId);
            var venue = await SchedulingAccess.VenueAsync(db, room.VenueId, ct);
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
            var conflicts = await SchedulingAccess.ConflictsAsync(db, room.Id, [(startsAt, body.EndsAt!.Value)], ct);
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
        }, cancellationToken);
    }
}

internal sealed record CancelBody
{
    /// <example>Intervenante absente (maladie)</example>
    public string? Reason { get; init; }
}

internal sealed record CancelOccurrence(Guid OccurrenceId, CancelBody Body) : ICommand<OccurrenceDto>;

internal sealed class CancelOccurrenceValidator : AbstractValidator<CancelOccurrence>
{
    public CancelOccurrenceValidator() => RuleFor(c => c.Body.Reason).RequiredParagraphs(1000);
}

internal sealed class CancelOccurrenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, OccurrenceCancellation cancellation)
    : ICommandHandler<CancelOccurrence, OccurrenceDto>
{
    public async ValueTask<OccurrenceDto> Handle(CancelOccurrence command, CancellationToken cancellationToken)
    {
        var occurrence = await db.Occurrences.Include(o => o.Appointments).SingleOrDefaultAsync(o => o.Id == command.OccurrenceId, cancellationToken)
            ?? throw NotFoundException.For("occurrence", command.OccurrenceId);
        var venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, cancellationToken);
        SchedulingAccess.EnsureCanActOn(current.Actor, occurrence, venue);
        var now = clock.GetUtcNow();
        if (occurrence.Status == OccurrenceStatus.Cancelled)
        {
            throw new ConflictException("occurrence.already_cancelled", "This occurrence is already cancelled.");
        }
        if (occurrence.StartsAt <= now)
        {
            throw new ConflictException("occurrence.past", "This occurrence has started or is over.");
        }
        await cancellation.CancelAsync(db, venue, occurrence, command.Body.Reason!.Trim(), now, cancellationToken);
        return SchedulingMapping.ToDto(occurrence);
    }
}

internal sealed record AppointmentBody
{
    /// <example>Mme Fatima B.</example>
    public string? PersonName { get; init; }

    /// <example>Dossier de retraite</example>
    public string? Topic { get; init; }

    /// <summary>True when the venue referred the person (Ruche art. 2), false when they came on their own.</summary>
    /// <example>true</example>
    public bool? ReferredByVenue { get; init; }

    /// <summary>Where to tell the person if the permanence is not held (optional).</summary>
    public string? Email { get; init; }

    public string? Phone { get; init; }
}

internal sealed record AppointmentDto(Guid Id, Guid OccurrenceId, string PersonName, string Topic, bool ReferredByVenue, int Booked, int Capacity);

internal sealed record BookAppointment(Guid OccurrenceId, AppointmentBody Body) : ICommand<AppointmentDto>;

internal sealed class BookAppointmentValidator : AbstractValidator<BookAppointment>
{
    public BookAppointmentValidator()
    {
        RuleFor(c => c.Body.PersonName).RequiredText(200);
        RuleFor(c => c.Body.Topic).RequiredText(500);
        RuleFor(c => c.Body.ReferredByVenue).NotNull().WithMessage("Required: true or false.");
        RuleFor(c => c.Body.Email).OptionalEmail();
        RuleFor(c => c.Body.Phone).OptionalPhone();
    }
}

internal sealed class BookAppointmentHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<BookAppointment, AppointmentDto>
{
    public async ValueTask<AppointmentDto> Handle(BookAppointment command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InSerializableTransactionAsync(async ct =>
        {
            var occurrence = await db.Occurrences.Include(o => o.Appointments).SingleOrDefaultAsync(o => o.Id == command.OccurrenceId, ct)
                ?? throw NotFoundException.For("occurrence", command.OccurrenceId);
            var venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, ct);
            SchedulingAccess.EnsureCanActOn(current.Actor, occurrence, venue);
            if (occurrence.Status == OccurrenceStatus.Cancelled)
            {
                throw new ConflictException("occurrence.cancelled", "This permanence will not be held.");
            }
            if (occurrence.EndsAt <= now)
            {
                throw new ConflictException("occurrence.past", "This occurrence is over.");
            }
            if (occurrence.Appointments.Count >= occurrence.Capacity)
            {
                throw new ConflictException("occurrence.full", $"All {occurrence.Capacity} places of this occurrence are taken.");
            }
            var body = command.Body;
            var booked = occurrence.Appointments.Count + 1;
            var appointment = new Appointment
            {
                Id = Guid.NewGuid(),
                OccurrenceId = occurrence.Id,
                PersonName = body.PersonName!.Trim(),
                Topic = body.Topic!.Trim(),
                ReferredByVenue = body.ReferredByVenue!.Value,
                Email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim(),
                Phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim(),
                CreatedAt = now,
            };
            db.Appointments.Add(appointment);
            return new AppointmentDto(appointment.Id, occurrence.Id, appointment.PersonName, appointment.Topic, appointment.ReferredByVenue, booked, occurrence.Capacity);
        }, cancellationToken);
    }
}

internal static class PermanenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var partners = new[] { Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner };

        api.MapPost("/permanences", async Task<Created<PermanenceDto>> (CreatePermanence command, IMediator mediator, CancellationToken ct) =>
            {
                var permanence = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/venues/{permanence.VenueId}/calendar", permanence);
            })
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Declares a weekly permanence for a semester under an active premises convention; it expands into dated occurrences that skip public holidays and closures. 409 room.conflict with the conflicting occurrences.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        api.MapPost("/rooms/{id:guid}/reservations", async Task<Created<OccurrenceDto>> (Guid id, ReservationBody body, IMediator mediator, CancellationToken ct) =>
            {
                var reservation = await mediator.Send(new ReserveRoom(id, body), ct);
                return TypedResults.Created($"/api/v1/venues/{reservation.VenueId}/calendar", reservation);
            })
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Books a room on appointment, under the same conflict rule (409 room.conflict).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        api.MapPost("/occurrences/{id:guid}/cancel", async Task<Ok<OccurrenceDto>> (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelOccurrence(id, body), ct)))
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Cancels an occurrence that will not be held: the venue, the partner and everyone with an appointment are notified.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapPost("/occurrences/{id:guid}/appointments", async Task<Created<AppointmentDto>> (Guid id, AppointmentBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/occurrences/{id}", await mediator.Send(new BookAppointment(id, body), ct)))
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Takes an appointment in an occurrence, within its capacity (409 occurrence.full).")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
