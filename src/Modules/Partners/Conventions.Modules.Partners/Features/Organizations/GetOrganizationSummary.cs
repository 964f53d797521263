namespace Conventions.Modules.Partners.Features;

internal sealed class GetOrganizationSummaryHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationSummary, OrganizationSummary?>
{
    public async ValueTask<OrganizationSummary?> Handle(GetOrganizationSummary query, CancellationToken cancellationToken)
    {
        var o = await db.Organizations.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == query.OrganizationId, cancellationToken);
        return o is null
            ? null
            : new OrganizationSummary(
                o.Id, o.Name, o.Kind, new PostalAddress(o.Address.Line1, o.Address.PostalCode, o.Address.City), o.Email, o.Phone, o.IsSuspended,
                o.Contacts.OrderBy(c => c.FullName).Select(c => new ContactSummary(c.Id, c.FullName, c.Title, c.Email, c.Phone, c.Roles)).ToList());
    }
}
