using System.Net;
using System.Text.RegularExpressions;
using Conventions.BuildingBlocks.Observability;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Host.Tests;

/// <summary>/metrics (ADR 0016): the engine's counters move with the work, for the platform admin's key only.</summary>
public sealed partial class MetricsTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<double> ScrapeAsync(Regex series)
    {
        var text = await _factory.Admin().GetStringAsync("/metrics");
        var match = series.Match(text);
        return match.Success ? double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task A_booking_moves_the_bookings_counter_and_the_group_commit_histogram()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        await scenario.SignBothAsync((await scenario.DraftCultureAsync()).Str("id"));
        var (_, bookerKey) = await scenario.Operator.IssueKeyAsync(scenario.PartnerId, "booker", "2029-11-01");
        var booker = _factory.Client(bookerKey);
        var publisher = await scenario.Operator.CreateOrganizationAsync("Théâtre (métriques)", "cultural-institution");
        var offer = await scenario.Operator.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = publisher, title = "Concert", category = "show", venueName = "Salle", city = "Lyon", description = "Concert.",
            sessions = new[] { new { startsAt = "2026-12-04T20:30:00+01:00", seats = 1 } },
        }).ExpectAsync(HttpStatusCode.Created);
        var session = offer.GetProperty("sessions")[0].Str("id");
        var before = (await ScrapeAsync(Confirmed()), await ScrapeAsync(Waitlisted()), await ScrapeAsync(GroupCommits()));

        foreach (var name in new[] { "Samia K.", "Jean-Marc P." })
        {
            var beneficiary = (await booker.PostJsonAsync("/api/v1/beneficiaries", new { displayName = name }).ExpectAsync(HttpStatusCode.Created)).Str("id");
            await booker.PostJsonAsync("/api/v1/bookings", new { sessionId = session, beneficiaryId = beneficiary }).ExpectAsync(HttpStatusCode.Created);
        }

        // At least: the meter is the process's, and other test hosts in this process book too.
        Assert.True(await ScrapeAsync(Confirmed()) >= before.Item1 + 1);
        Assert.True(await ScrapeAsync(Waitlisted()) >= before.Item2 + 1);
        Assert.True(await ScrapeAsync(GroupCommits()) >= before.Item3 + 1);
    }

    [Fact]
    public async Task Metrics_are_for_the_platform_admin()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Operator.GetAsync("/metrics")).StatusCode);
        await _factory.RunJobAsync("outbox");
        var text = await _factory.Admin().GetStringAsync("/metrics");
        Assert.Matches("(?m)^conventions_job_duration_seconds_count\\{[^}]*job=\"outbox\"", text);
        Assert.Contains("conventions_outbox_backlog", text, StringComparison.Ordinal);
        // The modules' queues, each tagged.
        Assert.Matches("(?m)^conventions_queue_backlog\\{[^}]*queue=\"notices\"[^}]*\\} [0-9]", text);
        Assert.Matches("(?m)^conventions_queue_oldest_age_seconds\\{[^}]*queue=\"webhooks\"[^}]*\\} [0-9]", text);
    }

    [Fact]
    public async Task A_host_shutting_down_in_the_same_process_does_not_take_the_backlog_gauges_out_of_a_scrape()
    {
        // The meter is the process's: a host whose services are already disposed, its metrics not yet (the window of a
        // shutdown, met by test hosts in parallel), must not make the outbox and queue gauges' callbacks throw.
        var gone = new ServiceCollection().BuildServiceProvider();
        var scopes = gone.GetRequiredService<IServiceScopeFactory>();
        await gone.DisposeAsync();
        using var stale = new EngineMetrics(scopes, _factory.Services.GetServices<ModuleDatabase>(), TimeProvider.System, _factory.Services.GetServices<IQueueBacklog>());

        var text = await _factory.Admin().GetStringAsync("/metrics");

        Assert.Contains("conventions_outbox_backlog", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^conventions_queue_backlog\\{[^}]*queue=\"notices\"[^}]*\\} [0-9]", text);
    }

    [GeneratedRegex(@"(?m)^conventions_bookings_total\{[^}]*outcome=""confirmed""[^}]*\} (?<value>[0-9.e+]+)")]
    private static partial Regex Confirmed();

    [GeneratedRegex(@"(?m)^conventions_bookings_total\{[^}]*outcome=""waitlisted""[^}]*\} (?<value>[0-9.e+]+)")]
    private static partial Regex Waitlisted();

    [GeneratedRegex(@"(?m)^conventions_booking_group_commit_size_count(\{[^}]*\})? (?<value>[0-9.e+]+)")]
    private static partial Regex GroupCommits();
}
