namespace Conventions.Modules.Scheduling.Domain;

/// <summary>
/// One version of a venue's internal rules (the "règlement intérieur du service" of La Ruche's article 3): published by
/// the venue's operator, never changed afterwards; a new text is a new version. Its SHA-256 is the text's.
/// </summary>
internal sealed class InternalRules
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    /// <summary>1, 2, 3… per venue.</summary>
    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; set; }

    public Guid? PublishedBy { get; set; }

    public static InternalRules Publish(Venue venue, int version, string title, string text, Guid? credentialId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        VenueId = venue.Id,
        Version = version,
        Title = title,
        Text = text,
        Sha256 = BuildingBlocks.Rendering.DocumentHash.Sha256(text),
        PublishedAt = now,
        PublishedBy = credentialId,
    };

    /// <summary>
    /// A partner acknowledges the version it read, under its premises convention: only the current version (a newer one
    /// supersedes what it read), once per convention and version.
    /// </summary>
    public static void EnsureAcknowledgeable(InternalRules rules, int currentVersion, bool alreadyAcknowledged)
    {
        if (rules.Version != currentVersion)
        {
            throw new ConflictException("internal_rules.superseded", $"Version {rules.Version} is superseded: the current internal rules are version {currentVersion}; read and acknowledge that one.");
        }
        if (alreadyAcknowledged)
        {
            throw new ConflictException("internal_rules.already_acknowledged", $"Version {rules.Version} is already acknowledged under this convention.");
        }
    }
}

/// <summary>Who acknowledged which version of the internal rules, when, for which premises convention, through which key and from where.</summary>
internal sealed class RulesAcknowledgment
{
    public Guid Id { get; set; }

    public Guid RulesId { get; set; }

    public Guid VenueId { get; set; }

    public int Version { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public Guid ConventionId { get; set; }

    public Guid PartnerOrganizationId { get; set; }

    /// <summary>The person who read the rules for the partner (as the partner names them).</summary>
    public string AcknowledgedBy { get; set; } = string.Empty;

    public DateTimeOffset AcknowledgedAt { get; set; }

    public Guid? CredentialId { get; set; }

    public string? ClientAddress { get; set; }
}
