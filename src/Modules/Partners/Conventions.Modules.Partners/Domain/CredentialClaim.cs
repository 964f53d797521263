using System.Security.Cryptography;

namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// A key waiting for its organization to collect it (issue 19: "un nouveau mot de passe est attribué tous les ans").
/// The operator reissues a program's keys in one call; each organization's referents get a one-time link by notice, and
/// the key is drawn only when the link is used: it is never stored, never shown to the operator, never in a list.
/// </summary>
internal sealed class CredentialClaim
{
    private CredentialClaim()
    {
    }

    /// <summary>How long a link may wait before it is used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the link's token; the token itself is only in the notice.</summary>
    public string TokenHash { get; private set; } = string.Empty;

    public Guid OrganizationId { get; private set; }

    public Role Role { get; private set; }

    public string Label { get; private set; } = string.Empty;

    /// <summary>The new key's expiry (the next season's end).</summary>
    public DateOnly KeyExpiresOn { get; private set; }

    /// <summary>The key it succeeds (which keeps working until its own expiry).</summary>
    public Guid ReplacesCredentialId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ClaimableUntil { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public Guid? CredentialId { get; private set; }

    public static (CredentialClaim Claim, string Token) For(Credential replaced, DateOnly keyExpiresOn, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new CredentialClaim
        {
            Id = Guid.NewGuid(),
            TokenHash = ApiKeys.Hash(token),
            OrganizationId = replaced.OrganizationId!.Value,
            Role = replaced.Role,
            Label = replaced.Label,
            KeyExpiresOn = keyExpiresOn,
            ReplacesCredentialId = replaced.Id,
            CreatedAt = now,
            ClaimableUntil = now + Lifetime,
        }, token);
    }

    /// <summary>Draws the key, once, while the link is valid.</summary>
    public (Credential Credential, string Key) Claim(DateTimeOffset now)
    {
        if (ClaimedAt is not null)
        {
            throw new ConflictException("credential_claim.already_claimed", "This key was already collected: the link works once. Ask your operator for a new one if it was lost.");
        }
        if (now >= ClaimableUntil)
        {
            throw new ForbiddenException("credential_claim.invalid", "This link has expired (links last 30 days): ask your operator to reissue the key.");
        }
        var (credential, key) = Credential.Issue(OrganizationId, Role, Label, KeyExpiresOn, now);
        ClaimedAt = now;
        CredentialId = credential.Id;
        return (credential, key);
    }
}
