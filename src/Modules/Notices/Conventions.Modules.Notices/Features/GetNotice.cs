using Conventions.BuildingBlocks.Errors;

namespace Conventions.Modules.Notices.Features;

internal sealed record GetNoticeQuery(Guid Id) : IQuery<NoticeDetailDto>;

internal sealed class GetNoticeHandler(NoticesDbContext db, ICurrentActor current) : IQueryHandler<GetNoticeQuery, NoticeDetailDto>
{
    public async ValueTask<NoticeDetailDto> Handle(GetNoticeQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == query.Id, cancellationToken);
        if (notice is null || (!actor.SeesEverything && !notice.Audience.Any(a => a.OrganizationId == actor.OrganizationId)))
        {
            throw NotFoundException.For("notice", query.Id);
        }
        return new NoticeDetailDto(NoticeMapping.ToDto(notice), notice.BodyHtml);
    }
}
