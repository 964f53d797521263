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

    /// <summary>When the person's name and contact details were erased (at their request, or after the retention period).</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>
    /// Erases what identifies the person (issue 18, RGPD): name, e-mail, phone. The appointment stays, with its topic and
    /// whether the venue referred it, so the counts of appointments stay exact. Doing it twice changes nothing.
    /// </summary>
    public bool Anonymise(DateTimeOffset now)
    {
        if (AnonymisedAt is not null)
        {
            return false;
        }
        PersonName = "Personne anonymisée";
        Email = null;
        Phone = null;
        AnonymisedAt = now;
        return true;
    }
}
