using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Ticketing.Contracts;

/// <summary>A session was cancelled by its publisher; its bookings were cancelled with it.</summary>
/// <param name="PublisherOrganizationId">Null in events written before webhooks existed.</param>
/// <param name="BookingOrganizationIds">The structures whose bookings were cancelled (null in events written before webhooks existed).</param>
public sealed record SessionCancelled(
    DateTimeOffset OccurredAt, Guid OfferId, Guid SessionId, string Reason, int BookingsCancelled,
    Guid? PublisherOrganizationId = null, IReadOnlyList<Guid>? BookingOrganizationIds = null) : IntegrationEvent(OccurredAt);

/// <summary>What happened to a booking, for the structure that booked it and, counted, for the session's publisher.</summary>
public enum BookingChange
{
    Confirmed,
    Waitlisted,
    Promoted,
    Cancelled,
}

/// <summary>
/// A booking was confirmed, put on the waiting list, promoted from it or cancelled (published through the outbox, in the
/// transaction of the change; a booking's in the group commit's). It names no one: portals read the booking by its id.
/// </summary>
public sealed record BookingChanged(
    DateTimeOffset OccurredAt,
    Guid BookingId,
    Guid SessionId,
    Guid OfferId,
    Guid OrganizationId,
    Guid PublisherOrganizationId,
    BookingChange Change,
    int Seats,
    DateTimeOffset SessionStartsAt) : IntegrationEvent(OccurredAt);

/// <summary>A session's time or number of seats was changed by its publisher.</summary>
public sealed record SessionChanged(
    DateTimeOffset OccurredAt,
    Guid OfferId,
    Guid SessionId,
    Guid PublisherOrganizationId,
    IReadOnlyList<Guid> BookingOrganizationIds,
    DateTimeOffset StartsAt,
    int Seats) : IntegrationEvent(OccurredAt);
