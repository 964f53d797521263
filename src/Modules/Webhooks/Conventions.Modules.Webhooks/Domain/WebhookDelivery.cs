namespace Conventions.Modules.Webhooks.Domain;

internal enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One event for one subscription: the body is fixed when the event is recorded, and its id (the <c>webhook-id</c>
/// header, <c>msg_…</c>) stays the same across retries and redeliveries, so a receiver deduplicates by it.
/// </summary>
internal sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The integration event it comes from (with the type, unique per subscription: recorded once).</summary>
    public Guid SourceEventId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public int? LastDurationMs { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public List<WebhookAttempt> AttemptLog { get; private set; } = [];

    /// <summary>The <c>webhook-id</c> header.</summary>
    public string MessageId => $"msg_{Id:N}";

    public static WebhookDelivery Record(Guid subscriptionId, Guid organizationId, Guid sourceEventId, string eventType, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        OrganizationId = organizationId,
        SourceEventId = sourceEventId,
        EventType = eventType,
        Payload = payload,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Succeed(int statusCode, int durationMs, DateTimeOffset now)
    {
        // A delivery that succeeds at its first try (nearly all) keeps its one attempt on its own row: the attempt log
        // holds the attempts of deliveries that needed more (one insert less per delivery, ADR 0018).
        Log(statusCode, durationMs, null, now, keep: Attempts > 0);
        Status = DeliveryStatus.Succeeded;
        DeliveredAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>A failed attempt: retried later by <see cref="RetrySchedule"/>, or failed for good once its window is over.</summary>
    public void Fail(int? statusCode, string error, int durationMs, DateTimeOffset now, double jitter)
    {
        Log(statusCode, durationMs, error, now, keep: true);
        LastError = error;
        var next = RetrySchedule.Next(Attempts, CreatedAt, now, jitter);
        Status = next is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        NextAttemptAt = next;
    }

    /// <summary>Sent again, with the same id and body (a portal lost it, or fixed its endpoint).</summary>
    public void Redeliver(DateTimeOffset now)
    {
        if (Attempts == 1 && Status == DeliveryStatus.Succeeded && LastAttemptAt is { } first)
        {
            // Its first attempt succeeded and was kept on the row only: it joins the log now that there will be more.
            AttemptLog.Add(new WebhookAttempt { Id = Guid.CreateVersion7(first), DeliveryId = Id, Number = 1, At = first, StatusCode = LastStatusCode, DurationMs = LastDurationMs ?? 0 });
        }
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        DeliveredAt = null;
    }

    private void Log(int? statusCode, int durationMs, string? error, DateTimeOffset now, bool keep)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastDurationMs = durationMs;
        if (!keep)
        {
            return;
        }
        AttemptLog.Add(new WebhookAttempt
        {
            Id = Guid.CreateVersion7(now),
            DeliveryId = Id,
            Number = Attempts,
            At = now,
            StatusCode = statusCode,
            DurationMs = durationMs,
            Error = error is { Length: > 500 } ? error[..500] : error,
        });
    }
}

/// <summary>One try of a delivery: when, the answer's status code (none when no answer came), how long, what went wrong.</summary>
internal sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public int DurationMs { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, then every 12 h, each ±10 % (jitter, so
/// that a receiver coming back is not met by every retry at once), for 3 days from the event; then the delivery fails.
/// </summary>
internal static class RetrySchedule
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(12),
    ];

    /// <param name="attempts">Attempts made so far (at least 1).</param>
    /// <param name="jitter">A number in [-1, 1]: the share of the ±10 % applied.</param>
    public static DateTimeOffset? Next(int attempts, DateTimeOffset createdAt, DateTimeOffset now, double jitter)
    {
        var delay = Delays[Math.Clamp(attempts - 1, 0, Delays.Length - 1)];
        var next = now + delay * (1 + (0.1 * Math.Clamp(jitter, -1, 1)));
        return next - createdAt > WebhookSubscription.FailureWindow ? null : next;
    }
}
