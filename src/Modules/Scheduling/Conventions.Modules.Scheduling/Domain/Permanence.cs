namespace Conventions.Modules.Scheduling.Domain;

internal enum Activity
{
    Retirement,
    ResidencePermit,
    DigitalWorkshop,
    Other,
}

/// <summary>A weekly slot of a partner over a semester, expanded into dated occurrences.</summary>
internal sealed class Permanence
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public Guid PartnerOrganizationId { get; set; }

    public Guid VenueId { get; set; }

    public Guid RoomId { get; set; }

    public string Semester { get; set; } = string.Empty;

    public DayOfWeek DayOfWeek { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    public Activity Activity { get; set; }

    public string Intervenant { get; set; } = string.Empty;

    public int Capacity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
