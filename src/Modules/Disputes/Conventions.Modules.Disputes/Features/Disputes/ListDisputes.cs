namespace Conventions.Modules.Disputes.Features;

internal sealed record ListDisputes(Guid? ConventionId, DisputeStatus? Status, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<DisputeDto>>;

internal sealed class ListDisputesHandler(DisputesDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListDisputes, ListResponse<DisputeDto>>
{
    public async ValueTask<ListResponse<DisputeDto>> Handle(ListDisputes query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var disputes = db.Disputes.AsNoTracking().AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            disputes = disputes.Where(d => d.OperatorOrganizationId == own || d.PartnerOrganizationId == own);
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
        return query.Order == ListOrder.Updated
            ? await disputes.PageAsync(d => d.UpdatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken)
            : await disputes.PageAsync(d => d.CreatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken);
    }
}
