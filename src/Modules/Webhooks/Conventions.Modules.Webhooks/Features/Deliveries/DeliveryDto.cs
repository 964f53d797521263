namespace Conventions.Modules.Webhooks.Features;

/// <summary>One try of a delivery.</summary>
internal sealed record AttemptDto(int Number, DateTimeOffset At, int? StatusCode, int DurationMs, string? Error);

/// <summary>A delivery: its webhook-id, the event, where it stands, and every attempt (newest last).</summary>
internal sealed record DeliveryDto(
    Guid Id, string MessageId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt,
    IReadOnlyList<AttemptDto> AttemptLog);

internal static class DeliveryMapping
{
    public static DeliveryDto ToDto(WebhookDelivery d) => new(
        d.Id, d.MessageId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt,
        d.AttemptLog.Count == 0 && d.LastAttemptAt is { } at
            ? [new AttemptDto(d.Attempts, at, d.LastStatusCode, d.LastDurationMs ?? 0, d.LastError)]
            : d.AttemptLog.OrderBy(a => a.Number).Select(a => new AttemptDto(a.Number, a.At, a.StatusCode, a.DurationMs, a.Error)).ToList());
}
