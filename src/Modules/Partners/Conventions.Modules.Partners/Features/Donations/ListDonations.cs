namespace Conventions.Modules.Partners.Features;

internal sealed record ListDonations(Guid OrganizationId) : IQuery<ListResponse<DonationDto>>;

internal sealed class ListDonationsHandler(PartnersDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListDonations, ListResponse<DonationDto>>
{
    public async ValueTask<ListResponse<DonationDto>> Handle(ListDonations query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        return await db.Donations.AsNoTracking().Where(d => d.DonorOrganizationId == organization.Id)
            .PageAsync(d => d.ReceivedOn, d => d.Id, page, DonationMapping.ToDto, cancellationToken);
    }
}
