using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Observability;
using Conventions.BuildingBlocks.Web;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conventions.Host.Infrastructure;

/// <summary>Logs, metrics and traces for operators (ADR 0016).</summary>
internal static partial class Observability
{
    /// <summary>
    /// Console logs: JSON lines outside Development (timestamp, level, category, message, template properties, trace and
    /// span ids), one readable line per entry with its UTC time in Development.
    /// </summary>
    public static void AddConventionsLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
    }

    /// <summary>
    /// OpenTelemetry: metrics always (ASP.NET Core, HttpClient, runtime, the engine's meter), scraped at /metrics;
    /// traces (ASP.NET Core, HttpClient, EF Core) exported with OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static IServiceCollection AddConventionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"];
        if (!configuration.GetValue("OpenTelemetry:Enabled", true))
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("conventions-engine"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(EngineMetrics.MeterName)
                    // Every scrape reads the current values (no cached answer).
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return services;
    }

    /// <summary>/metrics in Prometheus' text format, for the platform admin's key (a scraper sends it as X-Api-Key).</summary>
    public static void MapConventionsMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue("OpenTelemetry:Enabled", true))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization().RequireRoles(Role.PlatformAdmin).ExcludeFromDescription();
        }
    }
}

/// <summary>
/// One log line per API request: method, route template, status, duration, and who called (organization and key id,
/// never the key). Refusals are at information like the rest: their code is in the problem the caller received.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger, Conventions.BuildingBlocks.Jobs.ForegroundLoad load)
{
    public async Task InvokeAsync(HttpContext context, ICurrentActor current)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Requests count as load for the background work that can wait, but for jobs an admin runs on demand.
        var counted = context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/v1/admin");
        if (counted)
        {
            load.Enter();
        }
        try
        {
            await next(context);
        }
        finally
        {
            if (counted)
            {
                load.Exit();
            }
            if (context.Request.Path.StartsWithSegments("/api") && logger.IsEnabled(LogLevel.Information))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
                var actor = current.Actor;
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, actor.OrganizationId, actor.CredentialId);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs:F1} ms (organization {OrganizationId}, key {CredentialId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs, Guid? organizationId, Guid? credentialId);
}
