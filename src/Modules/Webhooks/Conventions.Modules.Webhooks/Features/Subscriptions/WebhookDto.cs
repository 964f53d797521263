namespace Conventions.Modules.Webhooks.Features;

/// <summary>A webhook subscription as its organization reads it (never its secret).</summary>
internal sealed record WebhookDto(
    Guid Id, Guid OrganizationId, string Url, IReadOnlyList<string> EventTypes, string? Description, WebhookStatus Status,
    DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset? FailingSince, DateTimeOffset? LastDeliveredAt, DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A new or rotated webhook with its secret: shown in this answer only, store it to check signatures.</summary>
internal sealed record WebhookSecretDto(WebhookDto Webhook, string Secret);

internal static class WebhookMapping
{
    public static WebhookDto ToDto(WebhookSubscription s) => new(
        s.Id, s.OrganizationId, s.Url, s.EventTypes, s.Description, s.Status, s.DisabledAt, s.DisabledReason, s.FailingSince, s.LastDeliveredAt,
        s.PreviousSecretExpiresAt, s.CreatedAt, s.UpdatedAt);
}

/// <summary>Who may manage an organization's webhooks: its own partner or operator staff, and the platform admin.</summary>
internal static class WebhookAccess
{
    public static readonly Role[] Managers = [Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner];

    /// <summary>A subscription the caller may manage; another organization's answers 404, as if it did not exist.</summary>
    public static async Task<WebhookSubscription> LoadAsync(WebhooksDbContext db, Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null || !(actor.SeesEverything || actor.OrganizationId == subscription.OrganizationId))
        {
            throw NotFoundException.For("webhook", id);
        }
        return subscription;
    }

    public static void EnsureActive(WebhookSubscription subscription)
    {
        if (subscription.Status != WebhookStatus.Active)
        {
            throw new ConflictException("webhook.disabled", "This webhook is disabled: enable it first (PATCH with \"enabled\": true).");
        }
    }
}

/// <summary>The rules every URL and list of event types of a webhook follow.</summary>
internal static class WebhookRules
{
    public const int MaxPerOrganization = 10;

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> KnownEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(types => types is { Count: > 0 and <= 20 } && types.All(t => WebhookEventTypes.All.Contains(t)))
            .WithMessage($"One or more of: {string.Join(", ", WebhookEventTypes.All)}.");
}
