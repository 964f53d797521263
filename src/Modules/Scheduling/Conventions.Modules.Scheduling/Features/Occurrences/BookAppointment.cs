using Conventions.Modules.Scheduling.Contracts;
using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

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

[Transactional(IsolationLevel.Serializable)]
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
        var occurrence = await db.Occurrences.Include(o => o.Appointments).SingleOrDefaultAsync(o => o.Id == command.OccurrenceId, cancellationToken)
            ?? throw NotFoundException.For("occurrence", command.OccurrenceId);
        var venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, cancellationToken);
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
        db.Publish(new AppointmentCreated(now, appointment.Id, occurrence.Id, occurrence.VenueId, occurrence.ConventionId, occurrence.StartsAt));
        return new AppointmentDto(appointment.Id, occurrence.Id, appointment.PersonName, appointment.Topic, appointment.ReferredByVenue, booked, occurrence.Capacity);
    }
}
