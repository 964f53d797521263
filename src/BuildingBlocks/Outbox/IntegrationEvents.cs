using System.Text.Json;
using Conventions.BuildingBlocks.Web;
using Mediator;

namespace Conventions.BuildingBlocks.Outbox;

/// <summary>
/// A fact another module may react to. Written to the publishing module's outbox in the same transaction as the
/// change, then dispatched by the outbox job. Consumers are idempotent: they check the inbox by <see cref="EventId"/>.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}

public abstract record IntegrationEvent(DateTimeOffset OccurredAt) : IIntegrationEvent
{
    /// <summary>
    /// Time-ordered (UUID v7, from <see cref="IntegrationEvent.OccurredAt"/>): each new outbox row goes to the end of the
    /// outbox's key index rather than to a random page of it, which a commit then writes whole to the log (ADR 0026).
    /// </summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7(OccurredAt);
}

/// <summary>A row of a module's outbox.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The oldest events due for dispatch, at most <paramref name="size"/>: read along the outbox's index of pending
    /// events, which gives their order (no sort of the backlog, however long; see ModuleDbContext).
    /// </summary>
    public static IQueryable<OutboxMessage> PendingPage(IQueryable<OutboxMessage> outbox, DateTimeOffset now, int size) =>
        outbox.Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now).OrderBy(m => m.OccurredAt).Take(size);

    public static OutboxMessage From(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, PayloadOptions),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        };
    }

    public IIntegrationEvent Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        return (IIntegrationEvent)JsonSerializer.Deserialize(Payload, type, PayloadOptions)!;
    }

    /// <summary>
    /// The API's JSON settings, but escaping only what JSON requires: payloads are stored and read back, never put in a
    /// page, and a notice's French letter would otherwise grow by a third (every tag bracket and accented letter
    /// written as <c>\uXXXX</c>). Payloads written either way read back the same.
    /// </summary>
    private static readonly JsonSerializerOptions PayloadOptions = CreatePayloadOptions();

    /// <summary>The edge's strict date converters are for input from outside; stored payloads keep the framework's.</summary>
    private static JsonSerializerOptions CreatePayloadOptions()
    {
        var options = new JsonSerializerOptions(JsonDefaults.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        foreach (var strict in options.Converters.Where(c => c is StrictDateOnlyConverter or StrictDateTimeOffsetConverter).ToList())
        {
            options.Converters.Remove(strict);
        }
        return options;
    }
}

/// <summary>A consumer's record of an event it handled (the inbox), keyed by event and consumer.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public string Consumer { get; set; } = string.Empty;

    public DateTimeOffset HandledAt { get; set; }
}
