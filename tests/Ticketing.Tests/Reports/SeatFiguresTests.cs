using System.Net;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Reports;

/// <summary>
/// The season report reads seat figures kept from the bookings' changes (issue 17, ADR 0025): after bookings, a
/// cancelled guest, a promotion from the waiting list, a cancelled booking, a session moved to the next season and
/// attendance, each refreshed as it came, the figures equal those computed afresh from every booking.
/// </summary>
public sealed class SeatFiguresTests : TicketingTest
{
    private static string Url(string season) => $"/api/v1/programs/culture-pour-tous/reports/{season}";

    [Fact]
    public async Task Figures_kept_change_by_change_equal_the_figures_computed_afresh()
    {
        var small = await Ticketing.PublishAsync(2);
        var large = await Ticketing.PublishAsync(10, "2026-12-11T20:30:00+01:00", "Les Fourberies de Scapin", "Salle Molière");
        var samia = await Ticketing.BookSomeoneAsync(small.Session.Id, "Samia K.", guests: 1);
        var bruno = await Ticketing.BookSomeoneAsync(small.Session.Id, "Bruno L.");
        Assert.Equal("waitlisted", bruno.Status);
        var chloe = await Ticketing.BookSomeoneAsync(large.Session.Id, "Chloé M.", guests: 2);
        var denis = await Ticketing.BookSomeoneAsync(large.Session.Id, "Denis P.");
        var first = await Scenario.Operator.GetAsync(Url("2026-2027")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((6L, 0L), (Figure(first, "booked"), Figure(first, "promotions")));

        // Samia's guest gives the seat back: Bruno is promoted. Denis cancels. The large session moves a season later.
        await Ticketing.CancelInvitationCall(samia.Id, samia.Invitations[1].Id).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", (await Ticketing.BookingAsync(bruno.Id)).Status);
        await Ticketing.CancelAsync(denis.Id);
        await Ticketing.ChangeSessionCall(large, new { startsAt = "2027-10-08T20:30:00+02:00" }).ExpectAsync(HttpStatusCode.OK);
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 5), new TimeOnly(10, 0));
        await Ticketing.AttendanceCall(bruno.Id, [(bruno.Invitations[0].Id, true)]).ExpectAsync(HttpStatusCode.OK);

        var kept = await ReportsAsync();
        var now = await Scenario.Operator.GetAsync(Url("2026-2027")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((2L, 1L, 1L, 2L), (Figure(now, "booked"), Figure(now, "used"), Figure(now, "promotions"), Figure(now, "beneficiaries")));
        var next = await Scenario.Operator.GetAsync(Url("2027-2028")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((3L, 1L, 1L), (Figure(next, "booked"), Figure(next, "beneficiaries"), Figure(next, "first-time")));
        Assert.Equal(0, await PendingChangesAsync());

        // Computed afresh from every booking (as the first refresh after the migration does): the same reports.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            await db.SeatFiguresStates.ExecuteUpdateAsync(u => u.SetProperty(s => s.BuiltAt, (DateTimeOffset?)null));
        }
        Assert.Equal(kept, await ReportsAsync());
    }

    private async Task<(string, string)> ReportsAsync() =>
        (await Scenario.Operator.GetStringAsync(Url("2026-2027")), await Scenario.Operator.GetStringAsync(Url("2027-2028")));

    private async Task<int> PendingChangesAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketingDbContext>().SeatFigureChanges.CountAsync();
    }

    private static long Figure(System.Text.Json.JsonElement report, string key) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == "summary").GetProperty("figures").EnumerateArray()
            .Single(f => f.Str("key") == key).GetProperty("value").GetInt64();
}
