using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>An organization's use of the ticketing over a period (by the sessions' dates).</summary>
internal sealed record DashboardDto(Guid OrganizationId, DateOnly From, DateOnly To, int Bookings, int Waitlisted, int Invitations, int Attended, int NoShows, int Cancelled);

internal sealed record GetDashboard(Guid OrganizationId, DateOnly? From, DateOnly? To) : IQuery<DashboardDto>;

internal sealed record UnusedEntryDto(Guid OrganizationId, int Invitations, int NoShows, decimal NoShowRate);

internal sealed record GetUnusedInvitations(DateOnly? From, DateOnly? To, int MinNoShows) : IQuery<ListResponse<UnusedEntryDto>>;

internal sealed class ReportHandlers(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator)
    : IQueryHandler<GetDashboard, DashboardDto>, IQueryHandler<GetUnusedInvitations, ListResponse<UnusedEntryDto>>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        // The organization's booker and partner staff, the operators of its program (Culture pour tous), the platform.
        var allowed = actor.IsStaffOf(query.OrganizationId, Role.Booker, Role.Partner)
            || actor.SeesEverything
            || (actor.Operates(TicketingAccess.Program)
                && (await mediator.Send(new Partners.Contracts.GetOrganizationPrograms(query.OrganizationId), cancellationToken)).IsMemberOf(TicketingAccess.Program));
        if (!allowed)
        {
            throw new ForbiddenException("dashboard.forbidden", "This dashboard is for the organization's staff and its program's operators.");
        }
        var (from, to, start, end) = Period(query.From, query.To);
        var bookings = db.Bookings.AsNoTracking().Where(b => b.OrganizationId == query.OrganizationId && b.SessionStartsAt >= start && b.SessionStartsAt < end);
        var invitations = db.Invitations.AsNoTracking().Where(i => bookings.Any(b => b.Id == i.BookingId && b.Status != BookingStatus.Waitlisted));
        var byStatus = await invitations.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(InvitationStatus status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        return new DashboardDto(
            query.OrganizationId, from, to,
            await bookings.CountAsync(b => b.Status != BookingStatus.Cancelled, cancellationToken),
            await bookings.CountAsync(b => b.Status == BookingStatus.Waitlisted, cancellationToken),
            byStatus.Sum(s => s.Count),
            Count(InvitationStatus.Attended), Count(InvitationStatus.NoShow), Count(InvitationStatus.Cancelled));
    }

    /// <summary>Structures whose invitations go unused (no-shows), for the operator to contact (art. 2).</summary>
    public async ValueTask<ListResponse<UnusedEntryDto>> Handle(GetUnusedInvitations query, CancellationToken cancellationToken)
    {
        if (!current.Actor.Operates(TicketingAccess.Program))
        {
            throw new ForbiddenException("program.operator_only", "This report is for the operators of Culture pour tous.");
        }
        var (_, _, start, end) = Period(query.From, query.To);
        var rows = await db.Invitations.AsNoTracking()
            .Join(db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Confirmed && b.SessionStartsAt >= start && b.SessionStartsAt < end),
                i => i.BookingId, b => b.Id, (i, b) => new { b.OrganizationId, i.Status })
            .GroupBy(x => x.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Invitations = g.Count(), NoShows = g.Count(x => x.Status == InvitationStatus.NoShow) })
            .ToListAsync(cancellationToken);
        var items = rows.Where(r => r.NoShows >= query.MinNoShows && r.NoShows > 0)
            .Select(r => new UnusedEntryDto(r.OrganizationId, r.Invitations, r.NoShows, Math.Round((decimal)r.NoShows / r.Invitations, 2)))
            .OrderByDescending(r => r.NoShows).ThenByDescending(r => r.NoShowRate).ToList();
        return new ListResponse<UnusedEntryDto>(items, items.Count);
    }

    private (DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End) Period(DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var f = from ?? today.AddMonths(-12);
        var t = to ?? today;
        if (t < f || t > f.AddYears(5))
        {
            throw InvalidInputException.Field("to", "Must be on or after 'from', within five years.");
        }
        return (f, t, ParisTime.StartOf(f), ParisTime.StartOf(t.AddDays(1)));
    }
}

internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/organizations/{id:guid}/dashboard", async Task<Ok<DashboardDto>> (Guid id, DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDashboard(id, from, to), ct)))
            .WithTags("Bookings")
            .WithSummary("An organization's bookings, invitations, attendance, no-shows and cancellations over a period (by session date).")
            .ProducesRefusals(400, 401, 403);

        api.MapGet("/reports/unused-invitations", async Task<Ok<ListResponse<UnusedEntryDto>>> (DateOnly? from, DateOnly? to, int? minNoShows, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUnusedInvitations(from, to, minNoShows ?? 1), ct)))
            .WithTags("Bookings")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Operators: the structures whose invitations go unused (no-shows), most first.")
            .ProducesRefusals(400, 401, 403);
    }
}
