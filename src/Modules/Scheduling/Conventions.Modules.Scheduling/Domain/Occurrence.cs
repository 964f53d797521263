namespace Conventions.Modules.Scheduling.Domain;

internal enum OccurrenceKind
{
    Permanence,
    Reservation,
}

internal enum OccurrenceStatus
{
    Planned,
    Cancelled,
}

/// <summary>A dated use of a room: an occurrence of a permanence, or a reservation on appointment.</summary>
internal sealed class Occurrence
{
    public Guid Id { get; set; }

    public OccurrenceKind Kind { get; set; }

    public Guid? PermanenceId { get; set; }

    public Guid VenueId { get; set; }

    public Guid RoomId { get; set; }

    public Guid ConventionId { get; set; }

    public Guid PartnerOrganizationId { get; set; }

    public DateOnly Date { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string Title { get; set; } = string.Empty;

    public Activity? Activity { get; set; }

    public string? Intervenant { get; set; }

    public int Capacity { get; set; }

    public OccurrenceStatus Status { get; set; }

    public string? CancellationReason { get; set; }

    public List<Appointment> Appointments { get; set; } = [];

    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}

/// <summary>A person's appointment in an occurrence (referred by the venue or coming on their own).</summary>
internal sealed class Appointment
{
    public Guid Id { get; set; }

    public Guid OccurrenceId { get; set; }

    public string PersonName { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public bool ReferredByVenue { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
