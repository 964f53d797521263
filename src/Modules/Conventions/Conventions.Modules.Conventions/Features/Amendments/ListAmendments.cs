namespace Conventions.Modules.Conventions.Features;

internal sealed record ListAmendments(Guid ConventionId) : IQuery<ListResponse<AmendmentDto>>;

internal sealed class ListAmendmentsHandler(ConventionsDbContext db, ICurrentActor current) : IQueryHandler<ListAmendments, ListResponse<AmendmentDto>>
{
    public async ValueTask<ListResponse<AmendmentDto>> Handle(ListAmendments query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.ConventionId == convention.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return new ListResponse<AmendmentDto>(amendments.Select(a => AmendmentMapping.ToDto(a, convention.Version)).ToList(), amendments.Count);
    }
}
