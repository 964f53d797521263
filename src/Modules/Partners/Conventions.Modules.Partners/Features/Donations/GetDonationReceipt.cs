namespace Conventions.Modules.Partners.Features;

internal sealed record GetDonationReceipt(Guid OrganizationId, Guid DonationId) : IQuery<string>;

internal sealed class GetDonationReceiptHandler(PartnersDbContext db, ICurrentActor current) : IQueryHandler<GetDonationReceipt, string>
{
    public async ValueTask<string> Handle(GetDonationReceipt query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        var donation = await db.Donations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DonationId && d.DonorOrganizationId == organization.Id, cancellationToken)
            ?? throw NotFoundException.For("donation", query.DonationId);
        return donation.ReceiptHtml;
    }
}
