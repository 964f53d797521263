using Conventions.BuildingBlocks.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Webhooks.Sending;

/// <summary>Deliveries due now to active webhooks (retries waiting for their time are not due), for metrics and health.</summary>
internal sealed class WebhookBacklog : IQueueBacklog
{
    public string Queue => WebhookDeliveryJob.JobName;

    public async Task<(long Due, DateTimeOffset? OldestDueAt)> ReadAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<WebhooksDbContext>();
        var due = db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .Join(db.Subscriptions.Where(s => s.Status == WebhookStatus.Active), d => d.SubscriptionId, s => s.Id, (d, s) => d);
        return (await due.LongCountAsync(cancellationToken), await due.MinAsync(d => d.NextAttemptAt, cancellationToken));
    }
}
