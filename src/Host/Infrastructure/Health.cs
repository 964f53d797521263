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
