namespace Conventions.Modules.Partners.Features;

internal sealed record ListOrganizations(OrganizationKind? Kind, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<OrganizationDto>>;

internal sealed class ListOrganizationsHandler(PartnersDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListOrganizations, ListResponse<OrganizationDto>>
{
    public async ValueTask<ListResponse<OrganizationDto>> Handle(ListOrganizations query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organizations = db.Organizations.AsNoTracking().Include(o => o.Contacts).AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            var operated = actor.Role == Role.OperatorAdmin ? actor.OperatedPrograms ?? [] : [];
            var visible = operated.Count == 0 ? [] : await ProgramMembership.MembersOfAsync(db, operated, cancellationToken);
            organizations = organizations.Where(o => o.Id == own || visible.Contains(o.Id));
        }
        if (query.Kind is { } kind)
        {
            organizations = organizations.Where(o => o.Kind == kind);
        }
        if (query.UpdatedSince is { } since)
        {
            organizations = organizations.Where(o => o.UpdatedAt >= since);
        }
        return query.Order == ListOrder.Updated
            ? await organizations.PageAsync(o => o.UpdatedAt, o => o.Id, page, OrganizationMapping.ToDto, cancellationToken)
            : await organizations.PageAsync(o => o.Name, o => o.Id, page, OrganizationMapping.ToDto, cancellationToken);
    }
}
