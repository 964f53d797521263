namespace Conventions.Modules.Webhooks.Contracts;

/// <summary>
/// The event types a webhook subscription can ask for, as they appear in a delivery's <c>type</c> (issue 16). Each has
/// its payload schema in the OpenAPI document's <c>webhooks</c>.
/// </summary>
public static class WebhookEventTypes
{
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingWaitlisted = "booking.waitlisted";
    public const string BookingPromoted = "booking.promoted";
    public const string BookingCancelled = "booking.cancelled";
    public const string SessionChanged = "session.changed";
    public const string SessionCancelled = "session.cancelled";
    public const string ConventionStatusChanged = "convention.status-changed";
    public const string ConventionSignatureRequested = "convention.signature-requested";
    public const string DisputeOpened = "dispute.opened";
    public const string DisputeStatusChanged = "dispute.status-changed";
    public const string DeadlineReminder = "deadline.reminder";
    public const string OccurrenceCancelled = "permanence.occurrence-cancelled";
    public const string PermanenceChanged = "permanence.changed";
    public const string AppointmentCreated = "appointment.created";
    public const string NoticeCreated = "notice.created";

    /// <summary>Sent by <c>POST /webhooks/{id}/test</c> only; not subscribable.</summary>
    public const string Ping = "webhook.ping";

    public static readonly IReadOnlyList<string> All =
    [
        BookingConfirmed, BookingWaitlisted, BookingPromoted, BookingCancelled, SessionChanged, SessionCancelled,
        ConventionStatusChanged, ConventionSignatureRequested, DisputeOpened, DisputeStatusChanged, DeadlineReminder,
        OccurrenceCancelled, PermanenceChanged, AppointmentCreated, NoticeCreated,
    ];
}
