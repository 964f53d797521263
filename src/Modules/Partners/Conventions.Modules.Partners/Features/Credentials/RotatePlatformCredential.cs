using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record RotatePlatformCredential(Guid CredentialId) : ICommand<IssuedCredentialDto>;

internal sealed class RotatePlatformCredentialHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<RotatePlatformCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(RotatePlatformCredential command, CancellationToken cancellationToken) =>
        CredentialRules.Rotate(db, await CredentialRules.LoadPlatformAsync(db, command.CredentialId, cancellationToken), clock);
}
