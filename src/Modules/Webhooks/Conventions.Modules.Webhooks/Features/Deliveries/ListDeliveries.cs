namespace Conventions.Modules.Webhooks.Features;

/// <summary>A webhook's deliveries, newest first, with their attempts (?status= pending, succeeded or failed).</summary>
internal sealed record ListDeliveries(Guid WebhookId, DeliveryStatus? Status) : IQuery<ListResponse<DeliveryDto>>;

internal sealed class ListDeliveriesHandler(WebhooksDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListDeliveries, ListResponse<DeliveryDto>>
{
    public async ValueTask<ListResponse<DeliveryDto>> Handle(ListDeliveries query, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, query.WebhookId, cancellationToken);
        var deliveries = db.Deliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.SubscriptionId == subscription.Id);
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }
        return await deliveries.PageAsync(d => d.CreatedAt, d => d.Id, page, DeliveryMapping.ToDto, cancellationToken, descending: true);
    }
}
