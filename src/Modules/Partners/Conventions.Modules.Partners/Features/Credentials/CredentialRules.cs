using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal static class CredentialRules
{
    public static CredentialDto ToDto(Credential c, DateOnly today) =>
        new(c.Id, c.Role, c.Label, c.KeyPrefix, c.ExpiresOn, c.StateOn(today), c.CreatedAt, c.RevokedAt, c.ReplacedById);

    public static async Task<Credential> LoadAsync(PartnersDbContext db, Guid organizationId, Guid credentialId, CancellationToken cancellationToken) =>
        await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.OrganizationId == organizationId, cancellationToken)
            ?? throw NotFoundException.For("credential", credentialId);

    /// <summary>A platform admin key (it belongs to no organization).</summary>
    public static async Task<Credential> LoadPlatformAsync(PartnersDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.OrganizationId == null, cancellationToken)
            ?? throw NotFoundException.For("credential", id);

    /// <summary>
    /// The old key's row is updated under its concurrency token (<see cref="Credential.RowVersion"/>): of N concurrent
    /// rotations exactly one commits, the others get 409 <c>credential.changed</c> and their replacement is never saved.
    /// </summary>
    public static IssuedCredentialDto Rotate(PartnersDbContext db, Credential credential, TimeProvider clock)
    {
        var (replacement, key) = credential.Rotate(clock.Today(), clock.GetUtcNow());
        db.Credentials.Add(replacement);
        return new IssuedCredentialDto(replacement.Id, key, replacement.Role, replacement.Label, replacement.ExpiresOn, credential.Id);
    }
}

/// <summary>The expiry a key may be given: after today, within three years (a key is reissued every season).</summary>
internal static class CredentialValidation
{
    public static IRuleBuilderOptions<T, DateOnly?> KeyExpiry<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(d => d is null || d > clock.Today()).WithMessage("Must be after today.")
            .Must(d => d is null || d <= clock.Today().AddYears(3)).WithMessage("Must be within three years.");
}
