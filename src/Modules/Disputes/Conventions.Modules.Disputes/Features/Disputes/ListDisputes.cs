namespace Conventions.Modules.Disputes.Features;

internal sealed record ListDisputes(Guid? ConventionId, DisputeStatus? Status) : IQuery<ListResponse<DisputeDto>>;

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
        return await disputes.PageAsync(d => d.CreatedAt, d => d.Id, page, DisputeMapping.ToDto, cancellationToken);
    }
}
