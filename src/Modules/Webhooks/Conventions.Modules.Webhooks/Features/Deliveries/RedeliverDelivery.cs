using Conventions.BuildingBlocks.Jobs;
using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>Sends a delivery again at once, with the same webhook-id and body (whatever became of it before).</summary>
internal sealed record RedeliverDelivery(Guid WebhookId, Guid DeliveryId) : ICommand<DeliveryDto>;

internal sealed class RedeliverDeliveryHandler(WebhooksDbContext db, ICurrentActor current, TimeProvider clock, IJobTrigger jobs)
    : ICommandHandler<RedeliverDelivery, DeliveryDto>
{
    public async ValueTask<DeliveryDto> Handle(RedeliverDelivery command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, command.WebhookId, cancellationToken);
        WebhookAccess.EnsureActive(subscription);
        var delivery = await db.Deliveries.Include(d => d.AttemptLog).SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, cancellationToken)
            ?? throw NotFoundException.For("delivery", command.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow());
        // Saved before the job is asked for, so that it finds the delivery.
        await db.SaveChangesAsync(cancellationToken);
        jobs.Trigger(WebhookDeliveryJob.JobName);
        return DeliveryMapping.ToDto(delivery);
    }
}
