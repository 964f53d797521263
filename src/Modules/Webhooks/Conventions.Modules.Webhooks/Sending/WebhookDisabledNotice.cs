using System.Net;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Webhooks.Sending;

/// <summary>The French notice an organization gets when one of its webhooks is disabled (to its referents, through the outbox).</summary>
internal sealed class WebhookDisabledNotice(IMediator mediator)
{
    public async Task PublishAsync(WebhooksDbContext db, WebhookSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organization = await mediator.Send(new GetOrganizationSummary(subscription.OrganizationId), cancellationToken);
        var recipients = organization is null ? [] : NoticeRecipients.ReferentsOf(organization);
        var url = WebUtility.HtmlEncode(subscription.Url);
        var since = subscription.FailingSince is { } failing ? global::Conventions.BuildingBlocks.Rendering.French.Date(DateOnly.FromDateTime(global::Conventions.BuildingBlocks.Time.ParisTime.ToParis(failing).DateTime)) : "trois jours";
        var html = $"""
            <article lang="fr">
            <h1>Webhook désactivé</h1>
            <p>Les notifications envoyées à l'adresse <code>{url}</code> échouent depuis le {since} : ce webhook a été désactivé et ne reçoit plus d'événements.</p>
            <p>Une fois l'adresse corrigée, réactivez-le (<code>PATCH /api/v1/webhooks/{subscription.Id}</code> avec <code>"enabled": true</code>) : les événements des trois derniers jours encore en attente seront alors envoyés.</p>
            </article>
            """;
        db.Publish(new NoticeRequested(now, "webhook-disabled", "Webhook désactivé : livraisons en échec depuis 3 jours", html, recipients,
            [subscription.OrganizationId], DeduplicationKey: $"webhook:{subscription.Id:N}:disabled:{now.UtcTicks}"));
    }
}
