using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>/health/ready says more than "the database answers": late events make it degraded (still 200).</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(string Status, Dictionary<string, string> Checks)> ReadyAsync()
    {
        var response = await _factory.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.Str("status"), body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.Str("name"), c => c.Str("status")));
    }

    [Fact]
    public async Task Events_waiting_past_the_threshold_make_the_host_degraded_until_they_go_out()
    {
        var (status, checks) = await ReadyAsync();
        Assert.Equal(("healthy", "healthy", "healthy"), (status, checks["database"], checks["outbox"]));
        Assert.True(checks.ContainsKey("hangfire"));

        // A suspension asks for a notice through the outbox; nobody runs the outbox job for 20 minutes.
        var organization = await _factory.Admin().CreateOrganizationAsync("Structure suspendue (santé)");
        await _factory.Admin().PostJsonAsync($"/api/v1/organizations/{organization}/suspend", new { reason = "Contrôle" }).ExpectAsync(HttpStatusCode.OK);
        _factory.Clock.Advance(TimeSpan.FromMinutes(20));

        (status, checks) = await ReadyAsync();
        Assert.Equal(("degraded", "degraded"), (status, checks["outbox"]));

        await _factory.RunJobAsync("outbox");
        _factory.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("healthy", (await ReadyAsync()).Checks["outbox"]);
    }
}
