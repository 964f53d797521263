using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>
/// A new secret for a webhook, shown once; the previous one still signs for 24 hours beside it (two signatures in
/// webhook-signature), so the receiver can switch without losing a delivery.
/// </summary>
internal sealed record RotateWebhookSecret(Guid Id) : ICommand<WebhookSecretDto>;

internal sealed class RotateWebhookSecretHandler(WebhooksDbContext db, ICurrentActor current, TimeProvider clock, WebhookSecrets secrets)
    : ICommandHandler<RotateWebhookSecret, WebhookSecretDto>
{
    public async ValueTask<WebhookSecretDto> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, command.Id, cancellationToken);
        var (clear, protectedSecret) = secrets.New();
        subscription.Rotate(protectedSecret, clock.GetUtcNow());
        return new WebhookSecretDto(WebhookMapping.ToDto(subscription), clear);
    }
}
