using Conventions.BuildingBlocks.Caching;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed class AuthenticateApiKeyHandler(PartnersDbContext db, TimeProvider clock, ApiKeyCache cache) : IQueryHandler<AuthenticateApiKey, ApiKeyIdentity?>
{
    public async ValueTask<ApiKeyIdentity?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.Key) || query.Key.Length > 200)
        {
            return null;
        }
        var key = await cache.Entries.GetOrLoadAsync(ApiKeys.Hash(query.Key), LoadAsync, cancellationToken);
        return key is null
            ? null
            : new ApiKeyIdentity(key.CredentialId, key.OrganizationId, key.Role, Credential.StateOn(key.RevokedAt, key.ExpiresOn, clock.Today()),
                key.OrganizationSuspended, key.SuspensionReason, key.Programs, key.OperatedPrograms);
    }

    /// <summary>The key and its organization's standing in one query, then the organization's programs.</summary>
    private async Task<CachedKey?> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        var key = await KeyByHash(db, hash);
        if (key?.OrganizationId is not { } organizationId)
        {
            return key;
        }
        var programs = await ProgramMembership.OfAsync(db, organizationId, cancellationToken);
        return key with { Programs = programs.MemberOf, OperatedPrograms = programs.Operates };
    }

    private static readonly Func<PartnersDbContext, string, Task<CachedKey?>> KeyByHash = EF.CompileAsyncQuery(
        (PartnersDbContext db, string hash) =>
            (from c in db.Credentials.AsNoTracking()
             where c.KeyHash == hash
             join o in db.Organizations.AsNoTracking() on c.OrganizationId equals (Guid?)o.Id into organizations
             from o in organizations.DefaultIfEmpty()
             select new CachedKey(c.Id, c.OrganizationId, c.Role, c.RevokedAt, c.ExpiresOn, o != null && o.IsSuspended, o != null ? o.SuspensionReason : null))
            .SingleOrDefault());
}

/// <summary>What the authentication of a key needs, cached for a few seconds; the state is computed on each call.</summary>
internal sealed record CachedKey(Guid CredentialId, Guid? OrganizationId, Role Role, DateTimeOffset? RevokedAt, DateOnly ExpiresOn, bool OrganizationSuspended, string? SuspensionReason)
{
    public IReadOnlyList<string> Programs { get; init; } = [];

    public IReadOnlyList<string> OperatedPrograms { get; init; } = [];
}

/// <summary>
/// Keys looked up by hash on every call, cached: a revocation, a rotation, a suspension or a reinstatement saved by this
/// process invalidates every entry at once (<see cref="PartnersDbContext"/> raises the signal); another process sharing
/// the database sees it within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly ChangeSignal Signal = new(name: "partners.api-keys");

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    public ReadCache<string, CachedKey> Entries { get; } = new(Signal, clock, TimeToLive);
}
