using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Scheduling.Features;

internal static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/venues").WithTags("Visits");

        group.MapPost("/{id:guid}/visits", async Task<Created<VisitDto>> (Guid id, VisitBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}/statistics", await mediator.Send(new RecordVisits(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Counts visitors on a day in a category (walk-in, appointment, autonomous-access, partner, digital-adviser, other).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/{id:guid}/statistics", async Task<Ok<StatisticsDto>> (Guid id, string? year, IMediator mediator, CancellationToken ct) =>
            {
                if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 2000 or > 2100)
                {
                    throw InvalidInputException.Field("year", "Required, a year from 2000 to 2100.");
                }
                return TypedResults.Ok(await mediator.Send(new GetStatistics(id, value), ct));
            })
            .WithSummary("Visitors of a year, in all and by category.")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
