namespace Conventions.BuildingBlocks.Observability;

/// <summary>
/// A queue a module works through in the background (notices to send, webhook deliveries to post): how many items are
/// due now and since when the oldest of them has been due. A module registers one as a singleton; the engine's meter
/// publishes it (<c>conventions.queue.backlog</c>, <c>conventions.queue.oldest_age</c>, tagged <c>queue</c>) and
/// <c>/health/ready</c> reports it. Items waiting for a later retry are not due, so a receiver that is down for days
/// does not make the host look late.
/// </summary>
public interface IQueueBacklog
{
    /// <summary>The queue's name in metrics and health (<c>notices</c>, <c>webhooks</c>).</summary>
    string Queue { get; }

    /// <summary>Reads the queue in a scope of its own: items due now, and the earliest instant one of them fell due.</summary>
    Task<(long Due, DateTimeOffset? OldestDueAt)> ReadAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);
}
