namespace Conventions.Modules.Partners.Features;

internal sealed record ReactivateOrganization(Guid OrganizationId) : ICommand<OrganizationDto>;

internal sealed class ReactivateOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<ReactivateOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(ReactivateOrganization command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        organization.Reactivate();
        db.Publish(new OrganizationReactivated(clock.GetUtcNow(), organization.Id));
        return OrganizationMapping.ToDto(organization);
    }
}
