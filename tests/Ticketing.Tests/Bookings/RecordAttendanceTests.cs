using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>POST /bookings/{id}/attendance</c>, and what it feeds: the structure's dashboard, the operator's unused-invitations report.</summary>
public sealed class RecordAttendanceTests : TicketingTest
{
    [Fact]
    public async Task Attendance_is_recorded_after_the_session_and_feeds_the_dashboard_and_the_unused_report()
    {
        var offer = await Ticketing.PublishAsync(5, "2026-11-25T20:00:00+01:00");
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "K", guests: 2);
        var entries = booking.Invitations.Select((i, n) => (i.Id, n == 0)).ToList();

        await Ticketing.AttendanceCall(booking.Id, entries, "Belle soirée.").ExpectProblemAsync(HttpStatusCode.Conflict, "session.not_started");
        Factory.Clock.SetParisDate(new DateOnly(2026, 11, 26));
        await Ticketing.CancelCall(booking.Id).ExpectProblemAsync(HttpStatusCode.Conflict, "session.started");
        await Ticketing.AttendanceCall(booking.Id, entries, "Belle soirée.").ExpectAsync(HttpStatusCode.OK);

        var dashboard = await Ticketing.Booker.GetAsync($"/api/v1/organizations/{Scenario.PartnerId}/dashboard?from=2026-11-01&to=2026-11-30").ExpectAsync<DashboardView>(HttpStatusCode.OK);
        Assert.Equal(new DashboardView(Bookings: 1, Waitlisted: 0, Invitations: 3, Attended: 1, NoShows: 2, Cancelled: 0), dashboard);
        var unused = await Scenario.Operator.GetAsync("/api/v1/reports/unused-invitations?from=2026-11-01&to=2026-11-30").ExpectAsync<PageView<UnusedEntryView>>(HttpStatusCode.OK);
        var entry = Assert.Single(unused.Items);
        Assert.Equal((Guid.Parse(Scenario.PartnerId), 2), (entry.OrganizationId, entry.NoShows));
        await Ticketing.Booker.GetAsync("/api/v1/reports/unused-invitations").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }
}
