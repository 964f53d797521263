using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary>Issues another platform admin key (a second administrator, or a replacement before revoking the bootstrap key).</summary>
internal sealed record IssuePlatformCredential(PlatformCredentialBody Body) : ICommand<IssuedCredentialDto>;

internal sealed record PlatformCredentialBody
{
    /// <example>Administratrice de la plateforme</example>
    public string? Label { get; init; }

    /// <summary>Last day the key works (default: one year from today).</summary>
    /// <example>2027-11-30</example>
    public DateOnly? ExpiresOn { get; init; }
}

internal sealed class IssuePlatformCredentialValidator : AbstractValidator<IssuePlatformCredential>
{
    public IssuePlatformCredentialValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Label).RequiredText(200).OverridePropertyName("label");
        RuleFor(c => c.Body.ExpiresOn).KeyExpiry(clock).OverridePropertyName("expiresOn");
    }
}

internal sealed class IssuePlatformCredentialHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<IssuePlatformCredential, IssuedCredentialDto>
{
    public ValueTask<IssuedCredentialDto> Handle(IssuePlatformCredential command, CancellationToken cancellationToken)
    {
        var expiresOn = command.Body.ExpiresOn ?? clock.Today().AddYears(1);
        var (credential, key) = Credential.Issue(null, Role.PlatformAdmin, command.Body.Label!, expiresOn, clock.GetUtcNow());
        db.Credentials.Add(credential);
        return ValueTask.FromResult(new IssuedCredentialDto(credential.Id, key, credential.Role, credential.Label, credential.ExpiresOn, null));
    }
}
