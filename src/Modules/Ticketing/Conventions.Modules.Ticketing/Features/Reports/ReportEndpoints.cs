using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

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
