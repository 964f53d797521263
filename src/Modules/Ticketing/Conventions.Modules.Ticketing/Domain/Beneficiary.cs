namespace Conventions.Modules.Ticketing.Domain;

/// <summary>A beneficiary (Actionneur) registered by a social partner, with minimal data, visible to that organization only.</summary>
internal sealed class Beneficiary
{
    private Beneficiary()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string DisplayName { get; private set; } = string.Empty;

    public string? ExternalRef { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the person's name and reference were erased (at their request, or after the retention period).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public const string AnonymousName = "Personne anonymisée";

    /// <summary>
    /// Erases what identifies the person (issue 18, RGPD): the name becomes <see cref="AnonymousName"/>, the structure's
    /// reference goes. The row and its bookings stay, so every count over them stays exact. Doing it twice changes nothing.
    /// </summary>
    public bool Anonymise(DateTimeOffset now)
    {
        if (AnonymisedAt is not null)
        {
            return false;
        }
        DisplayName = AnonymousName;
        ExternalRef = null;
        AnonymisedAt = now;
        return true;
    }

    public static Beneficiary Register(Guid organizationId, string displayName, string? externalRef, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        DisplayName = displayName.Trim(),
        ExternalRef = string.IsNullOrWhiteSpace(externalRef) ? null : externalRef.Trim(),
        CreatedAt = now,
    };
}
