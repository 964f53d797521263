using Conventions.BuildingBlocks.Jobs;
using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>Sends a <c>webhook.ping</c> to the webhook now, signed like any delivery: a portal checks its endpoint.</summary>
internal sealed record SendTestPing(Guid WebhookId) : ICommand<DeliveryDto>;

internal sealed class SendTestPingHandler(WebhooksDbContext db, ICurrentActor current, TimeProvider clock, IJobTrigger jobs)
    : ICommandHandler<SendTestPing, DeliveryDto>
{
    public async ValueTask<DeliveryDto> Handle(SendTestPing command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, command.WebhookId, cancellationToken);
        WebhookAccess.EnsureActive(subscription);
        var now = clock.GetUtcNow();
        var ping = Guid.CreateVersion7(now);
        var delivery = WebhookDelivery.Record(subscription.Id, subscription.OrganizationId, ping, WebhookEventTypes.Ping,
            WebhookFanOut.Body(WebhookEventTypes.Ping, now, new PingData(subscription.Id, "Test du webhook depuis le moteur de conventions.")), now);
        db.Deliveries.Add(delivery);
        // Saved before the job is asked for, so that it finds the delivery.
        await db.SaveChangesAsync(cancellationToken);
        jobs.Trigger(WebhookDeliveryJob.JobName);
        return DeliveryMapping.ToDto(delivery);
    }
}
