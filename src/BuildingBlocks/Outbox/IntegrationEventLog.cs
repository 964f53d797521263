using Mediator;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Outbox;

/// <summary>Logs every integration event the outbox dispatches (a trace of what crossed module boundaries).</summary>
public sealed partial class IntegrationEventLog(ILogger<IntegrationEventLog> logger) : INotificationHandler<IIntegrationEvent>
{
    public ValueTask Handle(IIntegrationEvent notification, CancellationToken cancellationToken)
    {
        LogDispatched(logger, notification.GetType().Name, notification.EventId, notification.OccurredAt);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integration event {Type} {EventId} (occurred {OccurredAt:O}) dispatched")]
    private static partial void LogDispatched(ILogger logger, string type, Guid eventId, DateTimeOffset occurredAt);
}
