namespace Conventions.Modules.Partners.Features;

/// <summary>Collects a reissued key by the one-time link its organization's referents received: the key is drawn now, shown once.</summary>
internal sealed record ClaimCredential(string Token) : ICommand<IssuedCredentialDto>;

internal sealed class ClaimCredentialHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<ClaimCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(ClaimCredential command, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(command.Token);
        var claim = await db.CredentialClaims.SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken)
            ?? throw new ForbiddenException("credential_claim.invalid", "This link is not valid: ask your operator to reissue the key.");
        var (credential, key) = claim.Claim(clock.GetUtcNow());
        db.Credentials.Add(credential);
        return new IssuedCredentialDto(credential.Id, key, credential.Role, credential.Label, credential.ExpiresOn, claim.ReplacesCredentialId);
    }
}
