using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record RevokeCredential(Guid OrganizationId, Guid CredentialId) : ICommand<CredentialDto>;

internal sealed class RevokeCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RevokeCredential, CredentialDto>
{
    public async ValueTask<CredentialDto> Handle(RevokeCredential command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        var credential = await CredentialRules.LoadAsync(db, command.OrganizationId, command.CredentialId, cancellationToken);
        credential.Revoke(clock.GetUtcNow());
        return CredentialRules.ToDto(credential, clock.Today());
    }
}
