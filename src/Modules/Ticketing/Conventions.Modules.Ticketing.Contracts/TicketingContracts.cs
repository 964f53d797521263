using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Ticketing.Contracts;

/// <summary>A session was cancelled by its publisher; its bookings were cancelled with it.</summary>
public sealed record SessionCancelled(DateTimeOffset OccurredAt, Guid OfferId, Guid SessionId, string Reason, int BookingsCancelled) : IntegrationEvent(OccurredAt);
