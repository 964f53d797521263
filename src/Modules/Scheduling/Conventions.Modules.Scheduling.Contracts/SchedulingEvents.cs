using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Scheduling.Contracts;

/// <summary>What happened to a permanence: the partner proposed it, the venue's operator approved it (or declared it itself) or refused it.</summary>
public enum PermanenceChange
{
    Proposed,
    Approved,
    Refused,
}

/// <summary>A permanence was proposed or decided (published through the outbox; it names no one).</summary>
public sealed record PermanenceChanged(
    DateTimeOffset OccurredAt,
    Guid PermanenceId,
    Guid VenueId,
    Guid ConventionId,
    PermanenceChange Change,
    string Semester,
    string? Reason) : IntegrationEvent(OccurredAt);
