using Conventions.BuildingBlocks.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Scheduling.Features;

internal static class SchedulingReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/programs/ruche-numerique/reports/{year:int}", async (int year, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format")] string? format, HttpContext http, IMediator mediator, CancellationToken ct) =>
                ReportFormats.Result(http, await mediator.Send(new GetRucheReport(year), ct), $"ruche-numerique-{year}"))
            .WithTags("Reports")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .Produces<FunderReport>()
            .ProducesText("text/csv")
            .ProducesText("text/html")
            .WithSummary("La Ruche Numérique's yearly report for funders: visitors by category and month, permanences held and cancelled, reservations, appointments, beside the previous year. "
                + "JSON, or ?format=csv (UTF-8 with BOM, ';') or ?format=html (printable, charts as inline SVG). Its operators.")
            .ProducesRefusals(400, 401, 403);
    }
}
