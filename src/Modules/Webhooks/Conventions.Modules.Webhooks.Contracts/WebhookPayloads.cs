using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Scheduling.Contracts;
using Conventions.Modules.Ticketing.Contracts;

namespace Conventions.Modules.Webhooks.Contracts;

/// <summary>
/// Every delivery's body (Standard Webhooks' recommended shape): the event <c>type</c>, when it happened, and its
/// <c>data</c>. Data name no person: a portal reads the resource by its id, with its own key.
/// </summary>
public sealed record WebhookEnvelope<TData>(string Type, DateTimeOffset Timestamp, TData Data);

/// <summary>A booking of the receiving structure was confirmed, waitlisted, promoted or cancelled.</summary>
public sealed record BookingEventData(Guid BookingId, Guid SessionId, Guid OfferId, Guid OrganizationId, BookingChange Change, int Seats, DateTimeOffset SessionStartsAt);

public enum SessionChangeKind
{
    /// <summary>The publisher changed the session's time or seats.</summary>
    Changed,
    Booked,
    Waitlisted,
    Promoted,
    Cancelled,
}

/// <summary>
/// A session changed: its time or seats (to its publisher and to the structures that booked), or, counted only, a
/// booking taken, waitlisted, promoted or cancelled (to its publisher, which never sees who booked).
/// </summary>
public sealed record SessionChangedData(Guid OfferId, Guid SessionId, SessionChangeKind Change, DateTimeOffset? StartsAt, int? Seats);

public sealed record SessionCancelledData(Guid OfferId, Guid SessionId, string Reason, int BookingsCancelled);

/// <summary>A convention's status changed (<c>change</c> says how, when it came from a term, a dispute or a renewal).</summary>
public sealed record ConventionStatusData(Guid ConventionId, string TemplateKey, ConventionStatus Status, ConventionChange? Change, DateOnly? EffectiveOn, string? Reason);

public sealed record SignatureRequestedData(Guid ConventionId, string TemplateKey, string DocumentSha256);

public sealed record DisputeEventData(Guid DisputeId, Guid ConventionId, DisputeStatus Status, DateOnly EffectiveOn);

public sealed record DeadlineReminderData(Guid DisputeId, Guid ConventionId, string Deadline, DateOnly DueOn);

public sealed record OccurrenceCancelledData(Guid OccurrenceId, Guid VenueId, Guid ConventionId, DateTimeOffset StartsAt, string Reason);

/// <summary>A permanence was proposed by the partner, or approved (declared) or refused by the venue's operator, with its reason.</summary>
public sealed record PermanenceChangedData(Guid PermanenceId, Guid VenueId, Guid ConventionId, PermanenceChange Change, string Semester, string? Reason);

public sealed record AppointmentCreatedData(Guid AppointmentId, Guid OccurrenceId, Guid VenueId, Guid ConventionId, DateTimeOffset StartsAt);

public sealed record NoticeCreatedData(Guid NoticeId, string Kind, string Subject, Guid? ConventionId, Guid? DisputeId);

public sealed record PingData(Guid WebhookId, string Message);

/// <summary>Each event type's data, for the OpenAPI document's <c>webhooks</c> and its descriptions.</summary>
public static class WebhookCatalog
{
    public static readonly IReadOnlyList<(string Type, Type Data, string Description)> Events =
    [
        (WebhookEventTypes.BookingConfirmed, typeof(BookingEventData), "A booking of your structure got its seats."),
        (WebhookEventTypes.BookingWaitlisted, typeof(BookingEventData), "A booking of your structure joined the session's waiting list."),
        (WebhookEventTypes.BookingPromoted, typeof(BookingEventData), "A waiting booking of your structure got its seats."),
        (WebhookEventTypes.BookingCancelled, typeof(BookingEventData), "A booking of your structure was cancelled (by you, or with its session)."),
        (WebhookEventTypes.SessionChanged, typeof(SessionChangedData), "A session you publish or booked changed time or seats; to its publisher, bookings counted (no names)."),
        (WebhookEventTypes.SessionCancelled, typeof(SessionCancelledData), "A session you publish or booked was cancelled."),
        (WebhookEventTypes.ConventionStatusChanged, typeof(ConventionStatusData), "A convention you are a party to changed status."),
        (WebhookEventTypes.ConventionSignatureRequested, typeof(SignatureRequestedData), "A convention you are a party to awaits your signature."),
        (WebhookEventTypes.DisputeOpened, typeof(DisputeEventData), "A dispute was opened on a convention you are a party to."),
        (WebhookEventTypes.DisputeStatusChanged, typeof(DisputeEventData), "A dispute on a convention you are a party to changed status."),
        (WebhookEventTypes.DeadlineReminder, typeof(DeadlineReminderData), "A dispute's deadline falls due soon."),
        (WebhookEventTypes.OccurrenceCancelled, typeof(OccurrenceCancelledData), "A permanence occurrence under your convention will not be held."),
        (WebhookEventTypes.PermanenceChanged, typeof(PermanenceChangedData), "A permanence under your convention was proposed by the partner, or approved or refused by the venue's operator."),
        (WebhookEventTypes.AppointmentCreated, typeof(AppointmentCreatedData), "Someone took a place at a permanence under your convention."),
        (WebhookEventTypes.NoticeCreated, typeof(NoticeCreatedData), "A notice (a French letter) was addressed to your organization."),
        (WebhookEventTypes.Ping, typeof(PingData), "Sent by POST /webhooks/{id}/test only."),
    ];
}
