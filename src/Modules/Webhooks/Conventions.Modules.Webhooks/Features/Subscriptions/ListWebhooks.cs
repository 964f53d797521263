namespace Conventions.Modules.Webhooks.Features;

/// <summary>The caller's organization's webhooks (any organization's, or one's with ?organizationId=, for platform admins).</summary>
internal sealed record ListWebhooks(Guid? OrganizationId) : IQuery<ListResponse<WebhookDto>>;

internal sealed class ListWebhooksHandler(WebhooksDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListWebhooks, ListResponse<WebhookDto>>
{
    public async ValueTask<ListResponse<WebhookDto>> Handle(ListWebhooks query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var subscriptions = db.Subscriptions.AsNoTracking();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            subscriptions = subscriptions.Where(s => s.OrganizationId == own);
        }
        if (query.OrganizationId is { } organization)
        {
            subscriptions = subscriptions.Where(s => s.OrganizationId == organization);
        }
        return await subscriptions.PageAsync(s => s.CreatedAt, s => s.Id, page, WebhookMapping.ToDto, cancellationToken);
    }
}
