using System.Net;
using Conventions.Testing;

namespace Disputes.Tests;

/// <summary>A restart loses no deadline: the sweep of a new host applies what fell due while the host was down, once.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_deadline_that_fell_due_while_the_host_was_stopped_is_applied_once_by_the_sweep_of_the_next_host()
    {
        var directory = Path.Combine(Path.GetTempPath(), "conventions-tests", Guid.NewGuid().ToString("N"));
        var clock = TestClock.AtParisNoon(2026, 11, 23);
        string disputeId, conventionId;
        await using (var first = ConventionsFactory.OnDataDirectory(directory, clock))
        {
            var scenario = await ConventionScenario.CultureAsync(first);
            conventionId = (await scenario.DraftCultureAsync()).Str("id");
            await scenario.SignBothAsync(conventionId);
            var dispute = await scenario.Operator.PostJsonAsync("/api/v1/disputes", new
            {
                conventionId,
                raisedBy = "operator",
                kind = "breach",
                grounds = "Réservations inutilisées.",
                notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
            }).ExpectAsync(HttpStatusCode.Created);
            disputeId = dispute.Str("id");
        }

        // The host is down past the explanation deadline (8 December) and well into the window.
        clock.SetParisDate(new DateOnly(2026, 12, 15), new TimeOnly(9, 0));
        await using var second = ConventionsFactory.OnDataDirectory(directory, clock);
        var admin = second.Admin();
        Assert.Equal("awaiting-explanation", (await admin.GetAsync($"/api/v1/disputes/{disputeId}").ExpectAsync(HttpStatusCode.OK)).Str("status"));

        Assert.Equal(1, await second.RunJobAsync("deadlines"));
        Assert.Equal(0, await second.RunJobAsync("deadlines"));

        var dispute2 = await admin.GetAsync($"/api/v1/disputes/{disputeId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("termination-window-open", dispute2.Str("status"));
        Assert.Single(dispute2.GetProperty("events").EnumerateArray(), e => e.Str("kind") == "termination-window-opened");
        await second.RunJobAsync("outbox");
        await second.RunJobAsync("outbox");
        var notices = await admin.GetAsync($"/api/v1/notices?disputeId={disputeId}").ExpectAsync(HttpStatusCode.OK);
        // Once: one letter to each party.
        Assert.Equal(2, notices.GetProperty("items").EnumerateArray().Count(n => n.Str("kind") == "termination-window-opened"));
        Assert.Equal("suspended", (await admin.GetAsync($"/api/v1/conventions/{conventionId}").ExpectAsync(HttpStatusCode.OK)).Str("status"));

        await second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
