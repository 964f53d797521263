using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Occurrences;

/// <summary>A venue's calendar comes whole by default, and by pages in time order when <c>limit</c> is given (issue 17).</summary>
public sealed class CalendarPagesTests : SchedulingTest
{
    [Fact]
    public async Task The_pages_of_a_calendar_together_are_the_whole_calendar_in_time_order()
    {
        await Premises.DeclareAsync();
        await Premises.DeclareAsync(Premises.Permanence(Premises.Room, day: "tuesday"));
        var whole = await Premises.CalendarAsync("2027-01-01", "2027-06-30");

        var paged = new List<OccurrenceView>();
        var totals = new List<int>();
        var url = $"/api/v1/venues/{Premises.VenueId}/calendar?from=2027-01-01&to=2027-06-30&limit=10";
        while (url is not null)
        {
            var response = await Premises.Operator.GetAsync(url);
            var page = await Task.FromResult(response).ExpectAsync<PageView<OccurrenceView>>(HttpStatusCode.OK);
            paged.AddRange(page.Items);
            totals.Add(page.Total);
            Assert.Equal(page.Next is not null, response.Headers.Contains("Link"));
            url = page.Next is { } next ? $"/api/v1/venues/{Premises.VenueId}/calendar?from=2027-01-01&to=2027-06-30&limit=10&cursor={next}" : null;
        }

        Assert.Null(whole.Next);
        Assert.True(whole.Items.Count > 40);
        Assert.Equal(whole.Items.Select(o => o.Id), paged.Select(o => o.Id));
        Assert.Equal(paged.OrderBy(o => DateTimeOffset.Parse(o.StartsAt, System.Globalization.CultureInfo.InvariantCulture)).Select(o => o.Id), paged.Select(o => o.Id));
        Assert.Equal((whole.Items.Count + 9) / 10, totals.Count);
        Assert.All(totals, t => Assert.Equal(whole.Total, t));
    }
}
