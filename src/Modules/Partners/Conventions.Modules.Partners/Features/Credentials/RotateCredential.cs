using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record RotateCredential(Guid OrganizationId, Guid CredentialId) : ICommand<IssuedCredentialDto>;

internal sealed class RotateCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RotateCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(RotateCredential command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        // Self-rotation: staff may replace the key they are calling with, never another key (nor a visitor code, which
        // the operator hands to beneficiaries).
        var selfRotation = actor.CredentialId == command.CredentialId && actor.OrganizationId == organization.Id && !actor.Is(Role.Visitor);
        if (!selfRotation)
        {
            await OrganizationAccess.EnsureCanReadAsync(db, actor, organization, cancellationToken);
            if (!await OrganizationAccess.CanManageAsync(db, actor, organization, cancellationToken))
            {
                throw new ForbiddenException("credential.rotate_forbidden", "Staff may rotate only the key they call with; the operator or the platform rotates the others.");
            }
        }
        var credential = await CredentialRules.LoadAsync(db, command.OrganizationId, command.CredentialId, cancellationToken);
        return CredentialRules.Rotate(db, credential, clock);
    }
}
