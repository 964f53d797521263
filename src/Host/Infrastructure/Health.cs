using System.Text.Json;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conventions.Host.Infrastructure;

/// <summary>Ready when every module's database answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var failed = new List<string>();
        foreach (var database in databases)
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                failed.Add(database.Module);
            }
        }
        return failed.Count == 0
            ? HealthCheckResult.Healthy("Every module's database answers.")
            : HealthCheckResult.Unhealthy("Unreachable: " + string.Join(", ", failed));
    }
}

internal static class HealthResponse
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>The container's health probe: 0 when the host on this machine answers /health/ready with 200, else 1.</summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}

/// <summary>
/// Degraded (still 200: the host serves) when integration events wait longer than <c>Health:OutboxMaxAgeSeconds</c>
/// (600 by default): notices and cross-module effects are then late, which is what an operator must hear about.
/// </summary>
internal sealed class OutboxHealthCheck(Conventions.BuildingBlocks.Observability.EngineMetrics metrics, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (count, age) = metrics.OutboxBacklogNow();
        var limit = configuration.GetValue("Health:OutboxMaxAgeSeconds", 600);
        var text = $"{count} events waiting; the oldest for {age:F0} s (degraded past {limit} s).";
        return Task.FromResult(age > limit ? HealthCheckResult.Degraded(text) : HealthCheckResult.Healthy(text));
    }
}

/// <summary>
/// Degraded when an item of a module's queue (notices to send, webhook deliveries to post) has been due for longer than
/// <c>Health:QueueMaxAgeSeconds</c> (600 by default): the job that works through it is behind or not running. Retries
/// waiting for their time do not count (a portal's endpoint being down is not the host's fault).
/// </summary>
internal sealed class QueuesHealthCheck(Conventions.BuildingBlocks.Observability.EngineMetrics metrics, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = configuration.GetValue("Health:QueueMaxAgeSeconds", 600);
        var queues = metrics.QueuesNow();
        var text = string.Join("; ", queues.Select(q => $"{q.Queue}: {q.Due:F0} due, the oldest for {q.OldestAge:F0} s")) + $" (degraded past {limit} s).";
        return Task.FromResult(queues.Any(q => q.OldestAge > limit) ? HealthCheckResult.Degraded(text) : HealthCheckResult.Healthy(text));
    }
}

/// <summary>Degraded when this host runs a Hangfire server that has not beaten for two minutes (jobs would not run).</summary>
internal sealed class HangfireHealthCheck(IConfiguration configuration, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            return Task.FromResult(HealthCheckResult.Healthy("No Hangfire server in this host (Hangfire:ServerEnabled=false)."));
        }
        IList<Hangfire.Storage.Monitoring.ServerDto> servers;
        try
        {
            servers = Hangfire.JobStorage.Current.GetMonitoringApi().Servers();
        }
        catch (InvalidOperationException e)
        {
            return Task.FromResult(HealthCheckResult.Degraded("Hangfire's storage does not answer: " + e.Message));
        }
        var last = servers.Select(s => s.Heartbeat).Where(h => h is not null).Max();
        var now = clock.GetUtcNow().UtcDateTime;
        return Task.FromResult(last is { } beat && now - beat < TimeSpan.FromMinutes(2)
            ? HealthCheckResult.Healthy($"{servers.Count} Hangfire server(s); last heartbeat {(now - beat).TotalSeconds:F0} s ago.")
            : HealthCheckResult.Degraded(last is null ? "No Hangfire server has reported." : $"Hangfire's last heartbeat was {(now - last.Value).TotalSeconds:F0} s ago."));
    }
}
