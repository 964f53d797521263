using System.Linq.Expressions;

namespace Conventions.Modules.Disputes.Features;

internal sealed record ListDisputes(Guid? ConventionId, DisputeStatus? Status, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<DisputeDto>>;

internal sealed class ListDisputesHandler(DisputesDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListDisputes, ListResponse<DisputeDto>>
{
    public async ValueTask<ListResponse<DisputeDto>> Handle(ListDisputes query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var disputes = db.Disputes.AsNoTracking().AsQueryable();
        // A party sees the disputes where it is the operator or the partner.
        (Expression<Func<Dispute, bool>> Operator, Expression<Func<Dispute, bool>> Partner)? sides = null;
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            sides = (d => d.OperatorOrganizationId == own, d => d.PartnerOrganizationId == own);
        }
        if (query.ConventionId is { } conventionId)
        {
            disputes = disputes.Where(d => d.ConventionId == conventionId);
        }
        if (query.Status is { } status)
        {
            disputes = disputes.Where(d => d.Status == status);
        }
        if (query.UpdatedSince is { } since)
        {
            disputes = disputes.Where(d => d.UpdatedAt >= since);
        }
        if (query.Order == ListOrder.Updated)
        {
            disputes = sides is var (asOperator, asPartner) ? disputes.Where(Paging.Either(asOperator, asPartner)) : disputes;
            return await disputes.PageAsync(d => d.UpdatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken);
        }
        // By creation, each side along its own (party, creation) index.
        return sides is var (operatorSide, partnerSide)
            ? await disputes.PageEitherAsync(operatorSide, partnerSide, d => d.CreatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken)
            : await disputes.PageAsync(d => d.CreatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken);
    }
}
