using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Venues;

/// <summary><c>GET /venues/{id}/calendar</c> as iCalendar, for a calendar application.</summary>
public sealed class CalendarTests : SchedulingTest
{
    [Fact]
    public async Task The_calendar_reads_as_icalendar_in_the_europe_paris_time_zone()
    {
        var first = (await Premises.DeclareAsync()).Occurrences[0].Id;
        await Premises.CancelCall(first, "Intervenant absent; remplacé, la semaine prochaine").ExpectAsync(HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/venues/{Premises.VenueId}/calendar?from=2027-01-01&to=2027-06-30");
        request.Headers.Accept.ParseAdd("text/calendar");
        var response = await Premises.Partner.SendAsync(request);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(24, calendar.Events.Count);
        var january = calendar.Events.OrderBy(e => e.DtStart!.Value).First();
        Assert.Equal("Europe/Paris", january.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 1, 7, 14, 0, 0), january.DtStart.Value);
        Assert.Equal("CANCELLED", january.Status);
        Assert.Contains("Intervenant absent; remplacé, la semaine prochaine", january.Description, StringComparison.Ordinal);
        var june = calendar.Events.OrderBy(e => e.DtStart!.Value).Last();
        Assert.Equal(new DateTime(2027, 6, 24, 12, 0, 0, DateTimeKind.Utc), june.DtStart!.AsUtc);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }
}
