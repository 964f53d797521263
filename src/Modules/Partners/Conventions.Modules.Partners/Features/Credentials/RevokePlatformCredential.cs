using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record RevokePlatformCredential(Guid CredentialId) : ICommand<CredentialDto>;

internal sealed class RevokePlatformCredentialHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<RevokePlatformCredential, CredentialDto>
{
    public async ValueTask<CredentialDto> Handle(RevokePlatformCredential command, CancellationToken cancellationToken)
    {
        var credential = await CredentialRules.LoadPlatformAsync(db, command.CredentialId, cancellationToken);
        var today = clock.Today();
        var others = await db.Credentials.AsNoTracking()
            .Where(c => c.OrganizationId == null && c.Id != credential.Id && c.RevokedAt == null && c.ExpiresOn >= today)
            .AnyAsync(cancellationToken);
        if (!others)
        {
            throw new ConflictException("credential.last_platform_admin", "This is the last working platform admin key: rotate it instead.");
        }
        credential.Revoke(clock.GetUtcNow());
        return CredentialRules.ToDto(credential, today);
    }
}
