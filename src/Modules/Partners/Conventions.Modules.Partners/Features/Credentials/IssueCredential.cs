using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record CredentialBody
{
    /// <summary>operator-admin, booker, visitor, publisher or partner.</summary>
    /// <example>booker</example>
    public Role? Role { get; init; }

    /// <example>Poste accueil</example>
    public string? Label { get; init; }

    /// <summary>Last day the key works. Defaults to the end of the program's season (a new key every year).</summary>
    /// <example>2027-09-30</example>
    public DateOnly? ExpiresOn { get; init; }
}

internal sealed record IssueCredential(Guid OrganizationId, CredentialBody Body) : ICommand<IssuedCredentialDto>;

internal sealed class IssueCredentialValidator : AbstractValidator<IssueCredential>
{
    public IssueCredentialValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Role).NotNull().WithMessage("Required: operator-admin, booker, visitor, publisher or partner.")
            .NotEqual(Role.PlatformAdmin).WithMessage("Platform admin keys are not issued to organizations.")
            .OverridePropertyName("role");
        RuleFor(c => c.Body.Label).RequiredText(200).OverridePropertyName("label");
        RuleFor(c => c.Body.ExpiresOn).KeyExpiry(clock).OverridePropertyName("expiresOn");
    }
}

internal sealed class IssueCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, IOptions<PartnersSettings> settings)
    : ICommandHandler<IssueCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(IssueCredential command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        var actor = current.Actor;
        await OrganizationAccess.EnsureCanManageAsync(db, actor, organization, cancellationToken);
        var role = command.Body.Role!.Value;
        if (role == Role.OperatorAdmin && !actor.SeesEverything && actor.OrganizationId != organization.Id)
        {
            throw new ForbiddenException("credential.operator_admin_forbidden", "Only the platform issues operator admin keys to another organization.");
        }
        var today = clock.Today();
        var expiresOn = command.Body.ExpiresOn ?? settings.Value.NextSeasonEnd(today);
        var (credential, key) = Credential.Issue(organization.Id, role, command.Body.Label!, expiresOn, clock.GetUtcNow());
        db.Credentials.Add(credential);
        return new IssuedCredentialDto(credential.Id, key, credential.Role, credential.Label, credential.ExpiresOn, null);
    }
}
