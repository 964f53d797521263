using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Venues;

/// <summary><c>POST /venues/{id}/visits</c> and <c>GET /venues/{id}/statistics</c>: the yearly figures by category.</summary>
public sealed class RecordVisitsTests : SchedulingTest
{
    [Fact]
    public async Task Visits_are_counted_by_category_and_the_2023_figures_come_back_exactly()
    {
        var figures = new Dictionary<string, int> { ["walk-in"] = 3855, ["appointment"] = 565, ["autonomous-access"] = 1394, ["partner"] = 619, ["digital-adviser"] = 742, ["other"] = 948 };
        foreach (var (category, count) in figures)
        {
            // Recorded in two parts on different days, as staff would.
            await Premises.VisitsCall("2023-03-14", category, count / 2).ExpectAsync(HttpStatusCode.Created);
            await Premises.VisitsCall("2023-10-02", category, count - (count / 2)).ExpectAsync(HttpStatusCode.Created);
        }
        await Premises.VisitsCall("2024-01-03", "walk-in", 20).ExpectAsync(HttpStatusCode.Created);

        var statistics = await Premises.Partner.GetAsync($"/api/v1/venues/{Premises.VenueId}/statistics?year=2023").ExpectAsync<StatisticsView>(HttpStatusCode.OK);

        Assert.Equal(8123, statistics.Total);
        Assert.Equal(figures.OrderBy(f => f.Key), statistics.ByCategory.Where(c => c.Value > 0).OrderBy(c => c.Key));
        await Premises.VisitsCall("2023-03-14", "walk-in", 1, Premises.Partner).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }
}
