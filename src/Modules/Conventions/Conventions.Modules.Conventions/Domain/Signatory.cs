namespace Conventions.Modules.Conventions.Domain;

internal sealed class Signatory
{
    public string FullName { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}

/// <summary>
/// A party's signature: who signed (a signatory contact registered by the party's organization), with what title, where
/// and when (the server's date in Europe/Paris), and the evidence of it: the key that signed, the client's address and
/// user agent, the instant, the SHA-256 of the document signed.
/// </summary>
internal sealed class Signature
{
    public ConventionParty Party { get; set; }

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The signatory contact of the party's organization (null on signatures recorded before issue 18).</summary>
    public Guid? ContactId { get; set; }

    public Guid? CredentialId { get; set; }

    public string? CredentialLabel { get; set; }

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>The SHA-256 of the document as signed (the frozen convention, or the amendment).</summary>
    public string? DocumentSha256 { get; set; }

    public static Signature Record(ConventionParty party, RegisteredSignatory signer, string place, SignatureEvidence evidence, string documentSha256, DateOnly today, DateTimeOffset now) => new()
    {
        Party = party,
        SignatoryName = signer.FullName,
        SignatoryTitle = signer.Title,
        Place = place,
        SignedOn = today,
        RecordedAt = now,
        ContactId = signer.ContactId,
        CredentialId = evidence.CredentialId,
        CredentialLabel = evidence.CredentialLabel,
        ClientAddress = evidence.ClientAddress,
        UserAgent = evidence.UserAgent,
        DocumentSha256 = documentSha256,
    };
}

/// <summary>A signatory contact of a party's organization, as its organization registered it.</summary>
internal sealed record RegisteredSignatory(Guid ContactId, string FullName, string Title);

/// <summary>What is known of the request that signs: the key (id and label), the client's address and user agent.</summary>
internal sealed record SignatureEvidence(Guid? CredentialId, string? CredentialLabel, string? ClientAddress, string? UserAgent);
