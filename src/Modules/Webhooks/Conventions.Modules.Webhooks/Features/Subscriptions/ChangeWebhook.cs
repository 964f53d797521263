using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

internal sealed record WebhookChangeBody
{
    public string? Url { get; init; }

    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>An empty text removes it.</summary>
    public string? Description { get; init; }

    /// <summary>true enables a disabled webhook (its pending deliveries go out); false disables it.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>Changes a webhook's URL, event types, description, or enables or disables it.</summary>
internal sealed record ChangeWebhook(Guid Id, WebhookChangeBody Body) : ICommand<WebhookDto>;

internal sealed class ChangeWebhookValidator : AbstractValidator<ChangeWebhook>
{
    public ChangeWebhookValidator()
    {
        RuleFor(c => c.Body.Url).RequiredText(2000).When(c => c.Body.Url is not null).OverridePropertyName("url");
        RuleFor(c => c.Body.EventTypes).KnownEventTypes().When(c => c.Body.EventTypes is not null).OverridePropertyName("eventTypes");
        RuleFor(c => c.Body.Description).OptionalText(500).OverridePropertyName("description");
    }
}

internal sealed class ChangeWebhookHandler(WebhooksDbContext db, ICurrentActor current, TimeProvider clock, WebhookDestinations destinations)
    : ICommandHandler<ChangeWebhook, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(ChangeWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookAccess.LoadAsync(db, current.Actor, command.Id, cancellationToken);
        var body = command.Body;
        var url = body.Url?.Trim();
        if (url is not null && destinations.Refusal(url) is { } refusal)
        {
            throw new BusinessRuleException("webhook.url_forbidden", refusal);
        }
        subscription.Change(url, body.EventTypes, body.Description?.Trim());
        switch (body.Enabled)
        {
            case true when subscription.Status == WebhookStatus.Disabled:
                subscription.Enable();
                // What was waiting while it was disabled goes out now, within each delivery's window.
                var now = clock.GetUtcNow();
                await db.Deliveries.Where(d => d.SubscriptionId == subscription.Id && d.Status == DeliveryStatus.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, now), cancellationToken);
                break;
            case false when subscription.Status == WebhookStatus.Active:
                subscription.Disable("Désactivé par l'organisation.", clock.GetUtcNow());
                break;
        }
        return WebhookMapping.ToDto(subscription);
    }
}
