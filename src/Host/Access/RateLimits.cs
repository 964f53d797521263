using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Conventions.BuildingBlocks.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Conventions.Host.Access;

/// <summary><c>RateLimits:*</c>: per-key limits, and a stricter one per client address for failed authentications.</summary>
internal sealed class RateLimitSettings
{
    /// <summary>False lifts every limit (the load driver and the test hosts do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests a minute for one API key.</summary>
    public int PerKeyPerMinute { get; set; } = 600;

    /// <summary>Requests one key may send at once above the sustained rate (a portal's page load).</summary>
    public int PerKeyBurst { get; set; } = 120;

    /// <summary>Calls a minute without a key (public directory, health, API docs), per client address.</summary>
    public int AnonymousPerMinute { get; set; } = 300;

    /// <summary>Calls a minute with an unknown, revoked or expired key, per client address (guessing keys).</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;
}

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by credential once the key is authenticated, by client address otherwise;
/// a refusal is 429 problem details (<c>rate.limited</c>) with <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<Conventions.BuildingBlocks.Observability.EngineMetrics>().RateLimited();
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context, Problems.Create(429, "rate.limited",
                    $"Too many requests for this key or address: retry in {seconds} s.", context));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings)
    {
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }
        var credential = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (credential is not null)
        {
            return RateLimitPartition.GetTokenBucketLimiter("key:" + credential, _ => Bucket(settings.PerKeyPerMinute, settings.PerKeyBurst));
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            // A key was sent but did not authenticate.
            return RateLimitPartition.GetFixedWindowLimiter("failed:" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.FailedAuthenticationsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }
        return RateLimitPartition.GetTokenBucketLimiter("anonymous:" + address, _ => Bucket(settings.AnonymousPerMinute, settings.AnonymousPerMinute));
    }

    /// <summary>A bucket of <paramref name="burst"/> tokens refilled at <paramref name="perMinute"/> a minute, in steps of at most a second.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst)
    {
        perMinute = Math.Max(1, perMinute);
        var (tokens, period) = perMinute >= 60
            ? (perMinute / 60, TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromMinutes(1.0 / perMinute));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
