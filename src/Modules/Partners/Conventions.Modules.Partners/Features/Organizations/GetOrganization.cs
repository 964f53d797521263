namespace Conventions.Modules.Partners.Features;

internal sealed record GetOrganization(Guid Id) : IQuery<OrganizationDto>;

internal sealed class GetOrganizationHandler(PartnersDbContext db, ICurrentActor current) : IQueryHandler<GetOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(GetOrganization query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.Id, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        return OrganizationMapping.ToDto(organization);
    }
}
