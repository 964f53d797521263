namespace Conventions.Modules.Webhooks.Domain;

internal enum WebhookStatus
{
    Active,
    Disabled,
}

/// <summary>
/// An organization's webhook: where its portal wants to be told (an https URL), which event types, and the secret its
/// deliveries are signed with (Standard Webhooks). The secret is stored encrypted (ASP.NET Core Data Protection) and
/// shown once; a rotated secret keeps signing beside the new one for <see cref="RotationOverlap"/>.
/// </summary>
internal sealed class WebhookSubscription : global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
{
    /// <summary>How long a subscription may fail every delivery before it is disabled.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromDays(3);

    /// <summary>How long the previous secret still signs after a rotation (receivers switch meanwhile).</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The event types wanted, comma-separated in the column (a short, closed list).</summary>
    public List<string> EventTypes { get; private set; } = [];

    public string? Description { get; private set; }

    public string ProtectedSecret { get; private set; } = string.Empty;

    public string? ProtectedPreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public WebhookStatus Status { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    /// <summary>The first failure since the last success (null while deliveries succeed).</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>The last delivery that succeeded.</summary>
    public DateTimeOffset? LastDeliveredAt { get; private set; }

    public Guid? CreatedByCredentialId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookSubscription Create(Guid organizationId, string url, IEnumerable<string> eventTypes, string? description, string protectedSecret, Guid? credentialId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = organizationId,
        Url = url,
        EventTypes = Normalize(eventTypes),
        Description = description,
        ProtectedSecret = protectedSecret,
        Status = WebhookStatus.Active,
        CreatedByCredentialId = credentialId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool Wants(string eventType) => Status == WebhookStatus.Active && EventTypes.Contains(eventType);

    public void Change(string? url, IEnumerable<string>? eventTypes, string? description)
    {
        if (url is not null)
        {
            Url = url;
        }
        if (eventTypes is not null)
        {
            EventTypes = Normalize(eventTypes);
        }
        if (description is not null)
        {
            Description = description.Length == 0 ? null : description;
        }
    }

    /// <summary>Active again (a portal fixed its endpoint): deliveries still within their window are tried at once.</summary>
    public void Enable()
    {
        Status = WebhookStatus.Active;
        DisabledAt = null;
        DisabledReason = null;
        FailingSince = null;
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        Status = WebhookStatus.Disabled;
        DisabledAt = now;
        DisabledReason = reason;
    }

    public void Rotate(string protectedSecret, DateTimeOffset now)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        ProtectedSecret = protectedSecret;
    }

    /// <summary>The secrets that sign a delivery now: the current one, and the previous one during the overlap.</summary>
    public IEnumerable<string> SigningSecrets(DateTimeOffset now)
    {
        yield return ProtectedSecret;
        if (ProtectedPreviousSecret is { } previous && PreviousSecretExpiresAt > now)
        {
            yield return previous;
        }
    }

    public void Succeeded(DateTimeOffset now)
    {
        FailingSince = null;
        LastDeliveredAt = now;
    }

    /// <summary>
    /// Records a failed attempt of <paramref name="delivery"/>; true when the subscription is now disabled: it has failed
    /// for the whole window, or this delivery has failed for good with nothing delivered since it was first tried.
    /// </summary>
    public bool Failed(WebhookDelivery delivery, DateTimeOffset now)
    {
        FailingSince ??= now;
        var exhausted = delivery.Status == DeliveryStatus.Failed && !(LastDeliveredAt >= delivery.CreatedAt);
        if (Status == WebhookStatus.Active && (exhausted || now - FailingSince.Value >= FailureWindow))
        {
            Disable("Aucune livraison n'a abouti depuis 3 jours.", now);
            return true;
        }
        return false;
    }

    private static List<string> Normalize(IEnumerable<string> eventTypes) => eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
