using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Disputes.Contracts;

public enum DisputeStatus
{
    AwaitingExplanation,
    TerminationWindowOpen,
    TerminationRightLapsed,
    Terminated,
    Resolved,
    AwaitingRemedy,
    ConventionLapsed,
}

/// <summary>A dispute moved to a new status (published through the outbox).</summary>
public sealed record DisputeStatusChanged(
    DateTimeOffset OccurredAt,
    Guid DisputeId,
    Guid ConventionId,
    DisputeStatus Status,
    DateOnly EffectiveOn) : IntegrationEvent(OccurredAt);
