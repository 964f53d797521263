namespace Conventions.Modules.Scheduling.Domain;

internal enum VisitCategory
{
    WalkIn,
    Appointment,
    AutonomousAccess,
    Partner,
    DigitalAdviser,
    Other,
}

/// <summary>Visitors counted on a day in a category.</summary>
internal sealed class VisitCount
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    public DateOnly On { get; set; }

    public VisitCategory Category { get; set; }

    public int Count { get; set; }
}
