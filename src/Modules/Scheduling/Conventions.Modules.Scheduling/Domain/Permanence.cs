namespace Conventions.Modules.Scheduling.Domain;

internal enum Activity
{
    Retirement,
    ResidencePermit,
    DigitalWorkshop,
    Other,
}

/// <summary>Where a permanence stands: slots are "définis par les Parties" (La Ruche, art. 2).</summary>
internal enum PermanenceStatus
{
    /// <summary>Declared by the partner, awaiting the venue operator's decision: no occurrence yet.</summary>
    Proposed,

    /// <summary>Agreed (by the operator, or declared by it): expanded into dated occurrences.</summary>
    Approved,

    /// <summary>Refused by the operator, with its reason.</summary>
    Refused,
}

/// <summary>A weekly slot of a partner over a semester, expanded into dated occurrences once approved.</summary>
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

    public PermanenceStatus Status { get; set; } = PermanenceStatus.Approved;

    /// <summary>Why the operator refused it.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>When the operator approved or refused it (its creation when the operator declared it).</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public void EnsureProposed()
    {
        if (Status != PermanenceStatus.Proposed)
        {
            throw new ConflictException("permanence.not_proposed", $"This permanence is {BuildingBlocks.Web.JsonDefaults.Kebab(Status)}: only a proposed one is approved or refused.");
        }
    }
}
