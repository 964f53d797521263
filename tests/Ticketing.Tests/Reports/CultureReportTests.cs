using System.Net;
using System.Text;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Reports;

/// <summary>
/// <c>GET /programs/culture-pour-tous/reports/{season}</c> (issue 19): the season's figures for funders, computed from
/// bookings, door check-ins and staff events, as JSON, CSV and printable HTML.
/// </summary>
public sealed class CultureReportTests : TicketingTest
{
    private const string Url = "/api/v1/programs/culture-pour-tous/reports/2026-2027";

    private static long Figure(System.Text.Json.JsonElement report, string section, string key, string which = "value") =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == section).GetProperty("figures").EnumerateArray()
            .Single(f => f.Str("key") == key).GetProperty(which).GetInt64();

    [Fact]
    public async Task The_season_report_counts_invitations_beneficiaries_check_ins_and_staff_events_without_names()
    {
        var offer = await Ticketing.PublishAsync(10);
        var samia = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Samia K.", guests: 1);
        await Ticketing.BookSomeoneAsync(offer.Session.Id, "Bruno L.");
        var training = await Scenario.Operator.PostJsonAsync("/api/v1/season-events", new
        {
            program = "culture-pour-tous", kind = "training", title = "Formation à la billetterie", startsAt = "2026-12-02T14:00:00+01:00", place = "Lyon", capacity = 20,
        }).ExpectAsync(HttpStatusCode.Created);
        var registered = await Scenario.Partner.PostJsonAsync($"/api/v1/season-events/{training.Str("id")}/registrations", new { personName = "Nadia B.", role = "Animatrice" })
            .ExpectAsync(HttpStatusCode.Created);
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 4), new TimeOnly(20, 0));
        await Ticketing.Publisher.PostJsonAsync($"/api/v1/sessions/{offer.Session.Id}/check-ins", new { code = samia.Invitations[0].Code }).ExpectAsync(HttpStatusCode.OK);
        await Scenario.Operator.PostJsonAsync($"/api/v1/season-events/{training.Str("id")}/attendance",
            new { registrations = new[] { new { registrationId = registered.GetProperty("registrations")[0].Str("id"), attended = true } } }).ExpectAsync(HttpStatusCode.OK);

        await Ticketing.Booker.GetAsync(Url).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await Scenario.Operator.GetAsync("/api/v1/programs/culture-pour-tous/reports/2026").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var response = await Scenario.Operator.GetAsync(Url);
        var raw = await response.Content.ReadAsStringAsync();
        var report = await response.ReadJsonAsync();

        Assert.Equal((10, 3, 1, 2), (Figure(report, "summary", "offered"), Figure(report, "summary", "booked"), Figure(report, "summary", "used"), Figure(report, "summary", "unused")));
        Assert.Equal((2, 2, 0), (Figure(report, "summary", "beneficiaries"), Figure(report, "summary", "first-time"), Figure(report, "summary", "promotions")));
        Assert.Equal((1, 1, 1), (Figure(report, "summary", "staff-events"), Figure(report, "summary", "staff-registered"), Figure(report, "summary", "staff-attended")));
        Assert.Equal(3, Figure(report, "booked-by-month", "02"));
        Assert.Equal(3, Figure(report, "booked-by-category", "show"));
        Assert.Equal(3, Figure(report, "booked-by-partner-kind", "social-service"));
        foreach (var name in new[] { "Samia", "Bruno", "Nadia" })
        {
            Assert.DoesNotContain(name, raw, StringComparison.Ordinal);
        }

        var csv = await (await Scenario.Operator.GetAsync($"{Url}?format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Contains("Synthèse;Invitations réservées;3;0", Encoding.UTF8.GetString(csv[3..]).Split("\r\n"));
        Approvals.Verify(await Scenario.Operator.GetStringAsync($"{Url}?format=html"), "culture-pour-tous-report-2026-2027");

        // A season later, these are the previous season's figures, beside none of its own (both seasons share one pass).
        var next = await Scenario.Operator.GetAsync("/api/v1/programs/culture-pour-tous/reports/2027-2028").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0L, 3L, 0L, 1L), (Figure(next, "summary", "booked"), Figure(next, "summary", "booked", "previous"), Figure(next, "summary", "used"), Figure(next, "summary", "used", "previous")));
        Assert.Equal((0L, 3L), (Figure(next, "booked-by-partner-kind", "social-service"), Figure(next, "booked-by-partner-kind", "social-service", "previous")));
        Assert.Equal((0L, 3L), (Figure(next, "booked-by-month", "02"), Figure(next, "booked-by-month", "02", "previous")));
    }
}
