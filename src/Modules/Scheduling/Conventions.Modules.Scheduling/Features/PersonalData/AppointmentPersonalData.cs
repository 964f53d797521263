namespace Conventions.Modules.Scheduling.Features;

/// <summary>An appointment holder's data as the venue or the partner exports it (RGPD art. 15 and 20).</summary>
internal sealed record AppointmentExportDto(
    Guid Id, string PersonName, string? Email, string? Phone, string Topic, bool ReferredByVenue, DateTimeOffset CreatedAt, DateTimeOffset? AnonymisedAt,
    Guid OccurrenceId, string OccurrenceTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, OccurrenceStatus OccurrenceStatus, Guid VenueId, DateTimeOffset ExportedAt);

/// <summary>The appointment, and its occurrence, for those who act on it: the venue's operator, the partner who runs it.</summary>
internal static class AppointmentAccess
{
    public static async Task<(Appointment Appointment, Occurrence Occurrence)> LoadAsync(SchedulingDbContext db, Actor actor, Guid id, CancellationToken cancellationToken, bool track = false)
    {
        var appointments = track ? db.Appointments : db.Appointments.AsNoTracking();
        var appointment = await appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFoundException.For("appointment", id);
        var occurrence = await db.Occurrences.AsNoTracking().SingleAsync(o => o.Id == appointment.OccurrenceId, cancellationToken);
        var venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, cancellationToken);
        SchedulingAccess.EnsureCanActOn(actor, occurrence, venue);
        return (appointment, occurrence);
    }
}

internal sealed record ExportAppointment(Guid Id) : IQuery<AppointmentExportDto>;

internal sealed class ExportAppointmentHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<ExportAppointment, AppointmentExportDto>
{
    public async ValueTask<AppointmentExportDto> Handle(ExportAppointment query, CancellationToken cancellationToken)
    {
        var (a, o) = await AppointmentAccess.LoadAsync(db, current.Actor, query.Id, cancellationToken);
        return new AppointmentExportDto(a.Id, a.PersonName, a.Email, a.Phone, a.Topic, a.ReferredByVenue, a.CreatedAt, a.AnonymisedAt,
            o.Id, o.Title, o.StartsAt, o.EndsAt, o.Status, o.VenueId, clock.GetUtcNow());
    }
}

/// <summary>Erases an appointment holder (RGPD art. 17): anonymised, the appointment kept as a count. 409 while it is still to come.</summary>
internal sealed record EraseAppointmentHolder(Guid Id) : ICommand<bool>;

internal sealed class EraseAppointmentHolderHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<EraseAppointmentHolder, bool>
{
    public async ValueTask<bool> Handle(EraseAppointmentHolder command, CancellationToken cancellationToken)
    {
        var (appointment, occurrence) = await AppointmentAccess.LoadAsync(db, current.Actor, command.Id, cancellationToken, track: true);
        var now = clock.GetUtcNow();
        if (occurrence.Status == OccurrenceStatus.Planned && occurrence.EndsAt > now)
        {
            throw new ConflictException("appointment.upcoming",
                "This appointment is still to come: it can be erased once the occurrence is over or cancelled.");
        }
        appointment.Anonymise(now);
        return true;
    }
}
