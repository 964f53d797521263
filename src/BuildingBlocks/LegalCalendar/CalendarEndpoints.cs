using System.Globalization;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.BuildingBlocks.LegalCalendar;

/// <summary>A computed legal deadline, with how it was reached.</summary>
/// <param name="Region">The calendar applied: <c>metropolitan</c> or <c>alsace-moselle</c>.</param>
public sealed record DeadlineResponse(
    DateOnly From, string Period, DateOnly NominalDueOn, DateOnly DueOn, string Explanation, IReadOnlyList<DeadlineExtension> Extensions, string Region);

public sealed record HolidayDto(DateOnly Date, string Name);

/// <param name="Region">The calendar listed: <c>metropolitan</c> or <c>alsace-moselle</c>.</param>
public sealed record HolidaysResponse(int Year, IReadOnlyList<HolidayDto> Items, int Total, string Region);

public static class CalendarEndpoints
{
    /// <summary>Maps <c>GET /calendar/deadline</c> and <c>GET /calendar/holidays</c> (any valid key).</summary>
    public static IEndpointRouteBuilder MapLegalCalendar(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Legal calendar");

        group.MapGet("/deadline", Ok<DeadlineResponse> (string? from, string? period, string? region) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                    || !Web.StrictDates.InRange(start))
                {
                    errors["from"] = ["Required, as YYYY-MM-DD, between 1900-01-01 and 2199-12-31."];
                }
                if (!LegalPeriod.TryParse(period, out var legalPeriod))
                {
                    errors["period"] = [$"Required, as an ISO 8601 period with one component from 1 to {LegalPeriod.MaxValue}: P15D, P2W, P1M, P1Y."];
                }
                if (!HolidayRegions.TryParse(region, out var calendar))
                {
                    errors["region"] = [RegionHelp];
                }
                if (errors.Count > 0)
                {
                    throw new InvalidInputException("validation.failed", "One or more fields are invalid.", errors);
                }
                var deadline = LegalDeadlines.Compute(start, legalPeriod!, calendar);
                return TypedResults.Ok(new DeadlineResponse(deadline.From, deadline.Period.ToString(), deadline.NominalDueOn, deadline.DueOn, deadline.Explanation, deadline.Extensions, HolidayRegions.Key(calendar)));
            })
            .WithSummary("Computes a legal deadline as the Code de procédure civile does (art. 640-642) and says how it was reached.")
            .WithDescription("Example: from=2024-04-23&period=P15D ends on 2024-05-08, a public holiday, then 2024-05-09 is Ascension: the deadline is 2024-05-10. region=alsace-moselle counts Good Friday and 26 December as holidays too (Bas-Rhin, Haut-Rhin, Moselle); the explanation says which calendar applied.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/holidays", Ok<HolidaysResponse> (string? year, string? region) =>
            {
                if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1900 or > 2199)
                {
                    throw InvalidInputException.Field("year", "Required, a year from 1900 to 2199.");
                }
                if (!HolidayRegions.TryParse(region, out var calendar))
                {
                    throw InvalidInputException.Field("region", RegionHelp);
                }
                var items = FrenchHolidays.For(value, calendar).Select(h => new HolidayDto(h.Date, h.Name)).ToList();
                return TypedResults.Ok(new HolidaysResponse(value, items, items.Count, HolidayRegions.Key(calendar)));
            })
            .WithSummary("The public holidays for a year, Easter-based ones computed: metropolitan France's eleven, or with region=alsace-moselle thirteen (Good Friday, 26 December).")
            .ProducesRefusals(400, 401, 403);

        return api;
    }

    private const string RegionHelp = "metropolitan (the default) or alsace-moselle.";
}
