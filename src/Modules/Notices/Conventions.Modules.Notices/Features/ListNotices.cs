namespace Conventions.Modules.Notices.Features;

internal sealed record ListNoticesQuery(Guid? ConventionId, Guid? DisputeId, Guid? OrganizationId, int Offset, int Limit, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null)
    : IQuery<ListResponse<NoticeDto>>;

internal sealed class ListNoticesValidator : AbstractValidator<ListNoticesQuery>
{
    public ListNoticesValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}

internal sealed class ListNoticesHandler(NoticesDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListNoticesQuery, ListResponse<NoticeDto>>
{
    public async ValueTask<ListResponse<NoticeDto>> Handle(ListNoticesQuery query, CancellationToken cancellationToken)
    {
        var notices = db.Notices.AsNoTracking().AsQueryable();
        var actor = current.Actor;
        if (!actor.SeesEverything)
        {
            notices = AddressedTo(notices, actor.OrganizationId);
        }
        if (query.OrganizationId is { } organizationId)
        {
            notices = AddressedTo(notices, organizationId);
        }
        if (query.ConventionId is { } conventionId)
        {
            notices = notices.Where(n => n.ConventionId == conventionId);
        }
        if (query.DisputeId is { } disputeId)
        {
            notices = notices.Where(n => n.DisputeId == disputeId);
        }
        if (query.UpdatedSince is { } since)
        {
            // A notice never changes once written: its last change is its creation.
            notices = notices.Where(n => n.CreatedAt >= since);
        }
        if (query.Order == ListOrder.Updated)
        {
            return await notices.PageAsync(n => n.CreatedAt, n => n.Id, page, NoticeMapping.ToDto, cancellationToken);
        }
        if (query.Offset == 0)
        {
            // Newest first, by cursor (offset is kept for the portals that page by it).
            return await notices.PageAsync(n => n.CreatedAt, n => n.Id, page, NoticeMapping.ToDto, cancellationToken, descending: true);
        }
        var total = await ListTotals.CountAsync(notices, page, cancellationToken);
        var items = await notices
            .OrderByDescending(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Skip(query.Offset)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return new ListResponse<NoticeDto>(items.Select(NoticeMapping.ToDto).ToList(), total);
    }

    /// <summary>
    /// The notices addressed to an organization, joined from their audience (one row per notice and organization):
    /// the database can start from the audience's index rather than test every notice's audience in the list's order
    /// (949 ms p99 on SQLite over a million notices, docs/performance.md).
    /// </summary>
    private static IQueryable<Notice> AddressedTo(IQueryable<Notice> notices, Guid? organizationId) =>
        notices.SelectMany(n => n.Audience, (n, a) => new { Notice = n, a.OrganizationId })
            .Where(x => x.OrganizationId == organizationId)
            .Select(x => x.Notice);
}
