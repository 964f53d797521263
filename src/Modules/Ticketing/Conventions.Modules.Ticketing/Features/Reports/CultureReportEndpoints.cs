using Conventions.BuildingBlocks.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

internal static class CultureReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/programs/culture-pour-tous/reports/{season}", async (string season, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format")] string? format, HttpContext http, IMediator mediator, CancellationToken ct) =>
                ReportFormats.Result(http, await mediator.Send(new GetCultureReport(season), ct), $"culture-pour-tous-{season}"))
            .WithTags("Reports")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .Produces<FunderReport>()
            .ProducesText("text/csv")
            .ProducesText("text/html")
            .WithSummary("Culture pour tous' season report for funders (e.g. 2026-2027): invitations offered, booked, used, unused, by month, category, venue and kind of structure; distinct and first-time beneficiaries "
                + "(counts only); waiting-list promotions; staff events and attendance; beside the previous season. JSON, or ?format=csv (UTF-8 with BOM, ';') or ?format=html (printable, charts as inline SVG). Its operators.")
            .ProducesRefusals(400, 401, 403);
    }
}
