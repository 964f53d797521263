namespace Conventions.Modules.Webhooks.Features;

/// <summary>One webhook of the caller's organization (any, for platform admins).</summary>
internal sealed record GetWebhook(Guid Id) : IQuery<WebhookDto>;

internal sealed class GetWebhookHandler(WebhooksDbContext db, ICurrentActor current) : IQueryHandler<GetWebhook, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhook query, CancellationToken cancellationToken) =>
        WebhookMapping.ToDto(await WebhookAccess.LoadAsync(db, current.Actor, query.Id, cancellationToken));
}
