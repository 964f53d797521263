using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Notices.Domain;
using Conventions.Modules.Notices.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Notices.Features;

/// <summary>A notice as partner portals list it.</summary>
internal sealed record NoticeDto(
    Guid Id,
    string Kind,
    string Subject,
    IReadOnlyList<NoticeRecipientDto> Recipients,
    IReadOnlyList<Guid> OrganizationIds,
    Guid? ConventionId,
    Guid? DisputeId,
    DateTimeOffset CreatedAt,
    NoticeStatus Status,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    string? LastError);

/// <summary>A recipient and how its own letter fared (each recipient is sent a message of its own).</summary>
internal sealed record NoticeRecipientDto(string Name, string Email, DateTimeOffset? DeliveredAt, string? Error);

internal sealed record NoticeDetailDto(NoticeDto Notice, string BodyHtml);

internal sealed record ListNoticesQuery(Guid? ConventionId, Guid? DisputeId, Guid? OrganizationId, int Offset, int Limit)
    : IQuery<ListResponse<NoticeDto>>;

internal sealed class ListNoticesValidator : AbstractValidator<ListNoticesQuery>
{
    public ListNoticesValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}

internal sealed class ListNoticesHandler(NoticesDbContext db, ICurrentActor current) : IQueryHandler<ListNoticesQuery, ListResponse<NoticeDto>>
{
    public async ValueTask<ListResponse<NoticeDto>> Handle(ListNoticesQuery query, CancellationToken cancellationToken)
    {
        var notices = db.Notices.AsNoTracking().AsQueryable();
        var actor = current.Actor;
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            notices = notices.Where(n => n.Audience.Any(a => a.OrganizationId == own));
        }
        if (query.OrganizationId is { } organizationId)
        {
            notices = notices.Where(n => n.Audience.Any(a => a.OrganizationId == organizationId));
        }
        if (query.ConventionId is { } conventionId)
        {
            notices = notices.Where(n => n.ConventionId == conventionId);
        }
        if (query.DisputeId is { } disputeId)
        {
            notices = notices.Where(n => n.DisputeId == disputeId);
        }
        var total = await notices.CountAsync(cancellationToken);
        var page = await notices
            .OrderByDescending(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Skip(query.Offset)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return new ListResponse<NoticeDto>(page.Select(NoticeMapping.ToDto).ToList(), total);
    }
}

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

internal static class NoticeMapping
{
    public static NoticeDto ToDto(Notice n) => new(
        n.Id, n.Kind, n.Subject,
        n.Recipients.Select(r => new NoticeRecipientDto(r.Name, r.Email, r.DeliveredAt, r.LastError)).ToList(),
        n.Audience.Select(a => a.OrganizationId).ToList(),
        n.ConventionId, n.DisputeId, n.CreatedAt, n.Status, n.Attempts, n.DeliveredAt, n.LastError);
}

internal static class NoticeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notices").WithTags("Notices");

        group.MapGet("/", async Task<Ok<ListResponse<NoticeDto>>> (
                Guid? conventionId, Guid? disputeId, Guid? organizationId, int? offset, int? limit,
                IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNoticesQuery(conventionId, disputeId, organizationId, offset ?? 0, limit ?? 50), ct)))
            .WithSummary("Lists the notices addressed to the caller's organization (all of them for platform admins).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<NoticeDetailDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNoticeQuery(id), ct)))
            .WithSummary("Reads one notice with its French letter.")
            .ProducesRefusals(401, 403, 404);
    }
}
