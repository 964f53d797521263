namespace Conventions.Modules.Conventions.Features;

internal sealed record ListAmendments(Guid ConventionId) : IQuery<ListResponse<AmendmentDto>>;

internal sealed class ListAmendmentsHandler(ConventionsDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListAmendments, ListResponse<AmendmentDto>>
{
    public async ValueTask<ListResponse<AmendmentDto>> Handle(ListAmendments query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        return await db.Amendments.AsNoTracking().Where(a => a.ConventionId == convention.Id)
            .PageAsync(a => a.Number, a => a.Id, page, a => AmendmentMapping.ToDto(a, convention.Version), cancellationToken);
    }
}
