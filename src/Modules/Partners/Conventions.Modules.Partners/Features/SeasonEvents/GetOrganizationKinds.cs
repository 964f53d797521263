namespace Conventions.Modules.Partners.Features;

/// <summary>For reports: the kinds of organizations.</summary>
internal sealed class GetOrganizationKindsHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationKinds, IReadOnlyDictionary<Guid, OrganizationKind>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, OrganizationKind>> Handle(GetOrganizationKinds query, CancellationToken cancellationToken)
    {
        var ids = query.OrganizationIds.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, cancellationToken);
    }
}
