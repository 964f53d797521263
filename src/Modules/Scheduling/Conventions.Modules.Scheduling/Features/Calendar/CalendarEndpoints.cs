using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Scheduling.Features;

internal static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/venues/{id:guid}/calendar", async (Guid id, DateOnly? from, DateOnly? to, Guid? organizationId, string? format, HttpContext http, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var wantsIcs = string.Equals(format, "ics", StringComparison.OrdinalIgnoreCase)
                    || http.Request.Headers.Accept.Any(a => a?.Contains("text/calendar", StringComparison.OrdinalIgnoreCase) == true);
                // JSON by pages when asked (limit or cursor); without them, and always as iCalendar, the whole range.
                var paged = !wantsIcs && (http.Request.Query.ContainsKey("limit") || http.Request.Query.ContainsKey("cursor"));
                var (calendar, venue) = await mediator.Send(new GetCalendar(id, from, to, organizationId, paged), ct);
                return wantsIcs
                    ? Results.Text(ICalendar.Write(calendar, venue, clock.GetUtcNow()), "text/calendar; charset=utf-8")
                    : Results.Ok(calendar);
            })
            .WithTags("Permanences")
            .Produces<CalendarDto>(StatusCodes.Status200OK)
            .ProducesText("text/calendar")
            .WithSummary("The venue's calendar as JSON, or as iCalendar (Accept: text/calendar, or ?format=ics) to subscribe from a calendar app. Partners see their own occurrences. JSON comes by pages when limit or cursor is given, otherwise the whole range at once.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }
}
