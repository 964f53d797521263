using System.Text.Json;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Outbox;
using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>One delivery to make: an event type, for an organization, with its data.</summary>
internal sealed record WebhookTarget(Guid OrganizationId, string Type, object Data);

/// <summary>
/// Turns an integration event into deliveries: one per active subscription of each organization concerned that wants
/// its type and existed when the event happened, recorded once (inbox by event id, and a unique index) in this module's tables, then the <c>webhooks</c>
/// job is asked to run. An event no subscription wants writes nothing (the common case: a booking burst with no
/// webhook costs a read per event, not a write).
/// </summary>
internal sealed class WebhookFanOut(WebhooksDbContext db, TimeProvider clock, IJobTrigger jobs)
{
    private const string Consumer = "webhooks";

    public async Task RecordAsync(IIntegrationEvent source, IReadOnlyList<WebhookTarget> targets, CancellationToken cancellationToken)
    {
        var organizations = targets.Select(t => t.OrganizationId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => organizations.Contains(s.OrganizationId) && s.Status == WebhookStatus.Active && s.CreatedAt <= source.OccurredAt)
            .ToListAsync(cancellationToken);
        var wanted = targets
            .SelectMany(t => subscriptions.Where(s => s.OrganizationId == t.OrganizationId && s.Wants(t.Type)).Select(s => (Subscription: s, Target: t)))
            .ToList();
        if (wanted.Count == 0 || await db.AlreadyHandledAsync(source.EventId, Consumer, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var (subscription, target) in wanted)
        {
            db.Deliveries.Add(WebhookDelivery.Record(subscription, source.EventId, target.Type, Body(target.Type, source.OccurredAt, target.Data), now));
        }
        db.MarkHandled(source.EventId, Consumer, now);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Trigger(WebhookDeliveryJob.JobName);
    }

    /// <summary>The delivery's body, fixed once: every retry sends the same bytes.</summary>
    public static string Body(string type, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new WebhookEnvelope<object>(type, at, data), JsonDefaults.Options);
}
