using System.Security.Cryptography;
using System.Text;

namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// An API key. Only its SHA-256 is stored (the key is 256 random bits, so a fast hash is enough: nothing to brute-force);
/// the key itself is shown once, when issued or rotated. Platform admin keys belong to no organization.
/// </summary>
internal sealed class Credential : Conventions.BuildingBlocks.Persistence.IConcurrencyChecked
{
    private Credential()
    {
    }

    public Guid Id { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Role Role { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public string KeyHash { get; private set; } = string.Empty;

    /// <summary>The key's first characters, to tell keys apart in lists.</summary>
    public string KeyPrefix { get; private set; } = string.Empty;

    /// <summary>The key works until the end of this day (Europe/Paris).</summary>
    public DateOnly ExpiresOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>How many days ahead its expiry was last announced to the organization (30, then 7); null before the first notice.</summary>
    public int? ExpiryNoticeDays { get; private set; }

    public Guid? ReplacedById { get; private set; }

    /// <summary>Concurrency token: a rotation or a revocation updates the row only if nobody changed it since it was read.</summary>
    public int RowVersion { get; private set; }

    /// <summary>Length of the clear prefix kept to tell keys apart in lists (the rest of the key is never stored).</summary>
    public const int DisplayPrefixLength = 8;

    public static (Credential Credential, string Key) Issue(Guid? organizationId, Role role, string label, DateOnly expiresOn, DateTimeOffset now, string? key = null)
    {
        key ??= ApiKeys.Generate();
        var credential = new Credential
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Role = role,
            Label = label.Trim(),
            KeyHash = ApiKeys.Hash(key),
            KeyPrefix = key.Length > DisplayPrefixLength ? key[..DisplayPrefixLength] : key,
            ExpiresOn = expiresOn,
            CreatedAt = now,
        };
        return (credential, key);
    }

    /// <summary>The expiry notices (issue 19): one 30 days before, one 7 days before; each once.</summary>
    public static readonly int[] ExpiryNoticeStages = [30, 7];

    /// <summary>
    /// The notice due today for this key, if any: the nearest stage (30 or 7 days) that the time left has reached and
    /// that was not sent yet. A revoked or expired key gets none.
    /// </summary>
    public int? ExpiryNoticeDue(DateOnly today)
    {
        if (StateOn(today) != CredentialState.Valid)
        {
            return null;
        }
        var daysLeft = ExpiresOn.DayNumber - today.DayNumber;
        var stage = ExpiryNoticeStages.Where(s => daysLeft <= s).DefaultIfEmpty(0).Min();
        return stage > 0 && (ExpiryNoticeDays is null || stage < ExpiryNoticeDays) ? stage : null;
    }

    public void ExpiryNoticeSent(int stage) => ExpiryNoticeDays = stage;

    public AppException ConcurrentChange() =>
        new ConflictException("credential.changed", "This key was rotated or revoked by another request at the same time.");

    public CredentialState StateOn(DateOnly today) => StateOn(RevokedAt, ExpiresOn, today);

    public static CredentialState StateOn(DateTimeOffset? revokedAt, DateOnly expiresOn, DateOnly today) =>
        revokedAt is not null ? CredentialState.Revoked
        : today > expiresOn ? CredentialState.Expired
        : CredentialState.Valid;

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new ConflictException("credential.already_revoked", "This key is already revoked.");
        }
        RevokedAt = now;
    }

    /// <summary>Issues the replacement and revokes this key at once: the old key stops working immediately.</summary>
    /// <remarks>An expired or revoked key is not rotated (409): a new season's key is issued by the operator.</remarks>
    public (Credential Replacement, string Key) Rotate(DateOnly today, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new ConflictException("credential.already_revoked", "A revoked key cannot be rotated; issue a new one.");
        }
        if (StateOn(today) == CredentialState.Expired)
        {
            throw new ConflictException("credential.expired", "An expired key cannot be rotated; ask your operator for this season's key.");
        }
        var (replacement, key) = Issue(OrganizationId, Role, Label, ExpiresOn, now);
        RevokedAt = now;
        ReplacedById = replacement.Id;
        return (replacement, key);
    }
}

internal static class ApiKeys
{
    public const string Prefix = "cvk_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
