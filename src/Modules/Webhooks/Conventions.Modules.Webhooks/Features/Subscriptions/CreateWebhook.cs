using Conventions.Modules.Webhooks.Sending;

namespace Conventions.Modules.Webhooks.Features;

internal sealed record WebhookBody
{
    /// <summary>Where deliveries are posted: an https URL (http only to this machine, when allowed).</summary>
    public string? Url { get; init; }

    /// <summary>The event types wanted (see the webhooks of this document).</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    public string? Description { get; init; }

    /// <summary>Platform admins only: the organization the webhook is for (others create for their own).</summary>
    public Guid? OrganizationId { get; init; }
}

/// <summary>Registers a webhook for the caller's organization; its secret is in the answer only.</summary>
internal sealed record CreateWebhook(WebhookBody Body) : ICommand<WebhookSecretDto>;

internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator()
    {
        RuleFor(c => c.Body.Url).RequiredText(2000).OverridePropertyName("url");
        RuleFor(c => c.Body.Url).Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            .WithMessage("An absolute https URL.").OverridePropertyName("url");
        RuleFor(c => c.Body.EventTypes).KnownEventTypes().OverridePropertyName("eventTypes");
        RuleFor(c => c.Body.Description).OptionalText(500).OverridePropertyName("description");
    }
}

internal sealed class CreateWebhookHandler(WebhooksDbContext db, ICurrentActor current, TimeProvider clock, WebhookSecrets secrets, WebhookDestinations destinations)
    : ICommandHandler<CreateWebhook, WebhookSecretDto>
{
    public async ValueTask<WebhookSecretDto> Handle(CreateWebhook command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var body = command.Body;
        var organization = actor.SeesEverything
            ? body.OrganizationId ?? throw InvalidInputException.Field("organizationId", "The organization the webhook is for (platform admins).")
            : actor.OrganizationId ?? throw new ForbiddenException("auth.role_forbidden", "Webhooks belong to an organization.");
        if (!actor.SeesEverything && body.OrganizationId is { } other && other != organization)
        {
            throw new ForbiddenException("webhook.organization_only", "A webhook is registered for your own organization.");
        }
        var url = body.Url!.Trim();
        if (destinations.Refusal(url) is { } refusal)
        {
            throw new BusinessRuleException("webhook.url_forbidden", refusal);
        }
        if (await db.Subscriptions.CountAsync(s => s.OrganizationId == organization, cancellationToken) >= WebhookRules.MaxPerOrganization)
        {
            throw new BusinessRuleException("webhook.limit_reached", $"An organization has at most {WebhookRules.MaxPerOrganization} webhooks.");
        }
        var (clear, protectedSecret) = secrets.New();
        var subscription = WebhookSubscription.Create(organization, url, body.EventTypes!, body.Description?.Trim(), protectedSecret, actor.CredentialId, clock.GetUtcNow());
        db.Subscriptions.Add(subscription);
        return new WebhookSecretDto(WebhookMapping.ToDto(subscription), clear);
    }
}
