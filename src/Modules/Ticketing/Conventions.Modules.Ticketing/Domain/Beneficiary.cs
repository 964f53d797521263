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

    public static Beneficiary Register(Guid organizationId, string displayName, string? externalRef, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organizationId,
        DisplayName = displayName.Trim(),
        ExternalRef = string.IsNullOrWhiteSpace(externalRef) ? null : externalRef.Trim(),
        CreatedAt = now,
    };
}
