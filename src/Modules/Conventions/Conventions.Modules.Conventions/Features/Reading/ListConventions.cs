namespace Conventions.Modules.Conventions.Features;

internal sealed record ListConventions(ConventionStatus? Status, string? TemplateKey, Guid? OrganizationId, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<ConventionDto>>;

internal sealed class ListConventionsHandler(ConventionsDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListConventions, ListResponse<ConventionDto>>
{
    public async ValueTask<ListResponse<ConventionDto>> Handle(ListConventions query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var conventions = db.Conventions.AsNoTracking().Include(c => c.Committees).AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            conventions = conventions.Where(c => c.OperatorOrganizationId == own || c.PartnerOrganizationId == own);
        }
        if (query.Status is { } status)
        {
            conventions = conventions.Where(c => c.Status == status);
        }
        if (query.TemplateKey is { } key)
        {
            conventions = conventions.Where(c => c.TemplateKey == key);
        }
        if (query.OrganizationId is { } organizationId)
        {
            conventions = conventions.Where(c => c.OperatorOrganizationId == organizationId || c.PartnerOrganizationId == organizationId);
        }
        if (query.UpdatedSince is { } since)
        {
            conventions = conventions.Where(c => c.UpdatedAt >= since);
        }
        return query.Order == ListOrder.Updated
            ? await conventions.PageAsync(c => c.UpdatedAt, c => c.Id, page, c => ConventionMapping.ToDto(c, withHistory: false), cancellationToken)
            : await conventions.PageAsync(c => c.CreatedAt, c => c.Id, page, c => ConventionMapping.ToDto(c, withHistory: false), cancellationToken);
    }
}
