using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Conventions.BuildingBlocks.Caching;
using Conventions.BuildingBlocks.Outbox;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>One delivery to make: an event type, for an organization, with its data.</summary>
internal sealed record WebhookTarget(Guid OrganizationId, string Type, object Data);

/// <summary>
/// Turns an integration event into deliveries: one per active subscription of each organization concerned that wants
/// its type and existed when the event happened, recorded once (inbox by event id, and a unique index) in this
/// module's tables and committed with the outbox page it came in (ADR 0018); the <c>webhooks</c> job is asked for once
/// they are. Which organizations subscribe to what is read from <see cref="WebhookSubscriptions"/> (cached): an event
/// nobody wants costs no query and writes nothing, which is most events of a booking burst.
/// </summary>
internal sealed class WebhookFanOut(WebhooksDbContext db, WebhookSubscriptions subscriptions, TimeProvider clock, UnitOfWork unitOfWork)
{
    private const string Consumer = "webhooks";

    public async Task RecordAsync(IIntegrationEvent source, IReadOnlyList<WebhookTarget> targets, CancellationToken cancellationToken)
    {
        var wanted = new List<(WebhookSubscriptions.Entry Subscription, WebhookTarget Target)>();
        foreach (var target in targets)
        {
            foreach (var subscription in await subscriptions.OfAsync(target.OrganizationId, cancellationToken))
            {
                if (subscription.CreatedAt <= source.OccurredAt && subscription.EventTypes.Contains(target.Type))
                {
                    wanted.Add((subscription, target));
                }
            }
        }
        if (wanted.Count == 0 || await db.AlreadyHandledAsync(source.EventId, Consumer, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var (subscription, target) in wanted)
        {
            db.Deliveries.Add(WebhookDelivery.Record(subscription.Id, subscription.OrganizationId, source.EventId, target.Type, Body(target.Type, source.OccurredAt, target.Data), now));
        }
        db.MarkHandled(source.EventId, Consumer, now);
        unitOfWork.TriggerAfterCommit(WebhookDeliveryJob.JobName);
    }

    /// <summary>The delivery's body, fixed once: every retry sends the same bytes.</summary>
    public static string Body(string type, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new WebhookEnvelope<object>(type, at, data), JsonDefaults.Options);
}

/// <summary>
/// The active subscriptions of each organization, cached for the fan-out (an entry per organization, empty ones
/// included). A change to a subscription on this host is seen at once (change signal); on another host sharing the
/// database, within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class WebhookSubscriptions(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly ChangeSignal Signal = new(name: "webhooks.subscriptions");

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ReadCache<Guid, Entry[]> _cache = new(Signal, clock, TimeToLive);

    internal sealed record Entry(Guid Id, Guid OrganizationId, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt);

    public async ValueTask<Entry[]> OfAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await _cache.GetOrLoadAsync(organizationId, LoadAsync, cancellationToken) ?? [];

    private async Task<Entry[]?> LoadAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        return await db.Subscriptions.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.Status == WebhookStatus.Active)
            .Select(s => new Entry(s.Id, s.OrganizationId, s.EventTypes, s.CreatedAt))
            .ToArrayAsync(cancellationToken);
    }
}
