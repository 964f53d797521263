using System.Linq.Expressions;

namespace Conventions.Modules.Conventions.Features;

internal sealed record ListConventions(ConventionStatus? Status, string? TemplateKey, Guid? OrganizationId, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<ConventionDto>>;

internal sealed class ListConventionsHandler(ConventionsDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListConventions, ListResponse<ConventionDto>>
{
    public async ValueTask<ListResponse<ConventionDto>> Handle(ListConventions query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var conventions = db.Conventions.AsNoTracking().Include(c => c.Committees).AsQueryable();
        // A party sees the conventions where it is the operator or the partner; organizationId narrows the same way.
        (Expression<Func<Convention, bool>> Operator, Expression<Func<Convention, bool>> Partner)? sides = null;
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            sides = (c => c.OperatorOrganizationId == own, c => c.PartnerOrganizationId == own);
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
            if (sides is null)
            {
                sides = (c => c.OperatorOrganizationId == organizationId, c => c.PartnerOrganizationId == organizationId);
            }
            else
            {
                conventions = conventions.Where(c => c.OperatorOrganizationId == organizationId || c.PartnerOrganizationId == organizationId);
            }
        }
        if (query.UpdatedSince is { } since)
        {
            conventions = conventions.Where(c => c.UpdatedAt >= since);
        }
        if (query.Order == ListOrder.Updated)
        {
            conventions = sides is var (asOperator, asPartner) ? conventions.Where(Paging.Either(asOperator, asPartner)) : conventions;
            return await conventions.PageAsync(c => c.UpdatedAt, c => c.Id, page, c => ConventionMapping.ToDto(c, withHistory: false), cancellationToken);
        }
        // By creation, each side along its own party index.
        return sides is var (operatorSide, partnerSide)
            ? await conventions.PageEitherAsync(operatorSide, partnerSide, c => c.CreatedAt, c => c.Id, page, c => ConventionMapping.ToDto(c, withHistory: false), cancellationToken)
            : await conventions.PageAsync(c => c.CreatedAt, c => c.Id, page, c => ConventionMapping.ToDto(c, withHistory: false), cancellationToken);
    }
}
