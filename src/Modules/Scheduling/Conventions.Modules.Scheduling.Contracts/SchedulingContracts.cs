using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Scheduling.Contracts;

/// <summary>A permanence occurrence or a reservation will not be held (published through the outbox).</summary>
public sealed record OccurrenceCancelled(
    DateTimeOffset OccurredAt,
    Guid OccurrenceId,
    Guid VenueId,
    Guid ConventionId,
    DateTimeOffset StartsAt,
    string Reason) : IntegrationEvent(OccurredAt);

/// <summary>Someone took a place at a permanence occurrence (published through the outbox; it names no one).</summary>
public sealed record AppointmentCreated(
    DateTimeOffset OccurredAt,
    Guid AppointmentId,
    Guid OccurrenceId,
    Guid VenueId,
    Guid ConventionId,
    DateTimeOffset StartsAt) : IntegrationEvent(OccurredAt);

/// <summary>The internal rules a partner acknowledged under a premises convention: which venue, which version, its hash, who and when.</summary>
public sealed record RulesAcknowledgmentSummary(
    Guid VenueId, string VenueName, int Version, string Title, string Sha256, DateTimeOffset PublishedAt, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>The latest internal rules acknowledged under the convention (null when none), whoever the caller is.</summary>
public sealed record GetRulesAcknowledgment(Guid ConventionId) : Mediator.IQuery<RulesAcknowledgmentSummary?>;
