using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed class EnsurePlatformAdminHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<EnsurePlatformAdmin, bool>
{
    public async ValueTask<bool> Handle(EnsurePlatformAdmin command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var hash = ApiKeys.Hash(command.Key);
        var admins = await db.Credentials.AsNoTracking().Where(c => c.Role == Role.PlatformAdmin && c.RevokedAt == null).ToListAsync(cancellationToken);
        if (admins.Any(c => c.StateOn(today) == CredentialState.Valid) || await db.Credentials.AnyAsync(c => c.KeyHash == hash, cancellationToken))
        {
            return false;
        }
        var (credential, _) = Credential.Issue(null, Role.PlatformAdmin, "Bootstrap platform admin", DateOnly.MaxValue, clock.GetUtcNow(), command.Key);
        db.Credentials.Add(credential);
        return true;
    }
}
