namespace Conventions.Modules.Webhooks.Features;

/// <summary>Deletes a webhook and its delivery history.</summary>
internal sealed record DeleteWebhook(Guid Id) : ICommand<bool>;

internal sealed class DeleteWebhookHandler(WebhooksDbContext db, ICurrentActor current) : ICommandHandler<DeleteWebhook, bool>
{
    public async ValueTask<bool> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, command.Id, cancellationToken);
        db.Subscriptions.Remove(subscription);
        return true;
    }
}
