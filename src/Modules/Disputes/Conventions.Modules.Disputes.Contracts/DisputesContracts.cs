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

/// <summary>A dispute was opened (<paramref name="Opened"/>) or moved to a new status (published through the outbox).</summary>
/// <param name="OperatorOrganizationId">The convention's parties (null in events written before webhooks existed).</param>
public sealed record DisputeStatusChanged(
    DateTimeOffset OccurredAt,
    Guid DisputeId,
    Guid ConventionId,
    DisputeStatus Status,
    DateOnly EffectiveOn,
    Guid? OperatorOrganizationId = null,
    Guid? PartnerOrganizationId = null,
    bool Opened = false) : IntegrationEvent(OccurredAt);

/// <summary>A dispute's deadline falls due soon: both parties are reminded (published through the outbox).</summary>
public sealed record DisputeDeadlineReminder(
    DateTimeOffset OccurredAt,
    Guid DisputeId,
    Guid ConventionId,
    Guid OperatorOrganizationId,
    Guid PartnerOrganizationId,
    string Deadline,
    DateOnly DueOn) : IntegrationEvent(OccurredAt);

/// <summary>The dispute still open on a convention: while it runs, the convention's end is in question.</summary>
public sealed record OpenDisputeSummary(Guid Id, DisputeStatus Status, DateOnly NotifiedOn);

/// <summary>The open dispute on a convention, whoever the caller is (null when none is open).</summary>
public sealed record GetOpenDispute(Guid ConventionId) : Mediator.IQuery<OpenDisputeSummary?>;
