namespace Conventions.Host.Infrastructure;

/// <summary>
/// Browser portals calling the API from another origin: <c>Cors:AllowedOrigins</c> lists the origins allowed (none by
/// default, so a browser page elsewhere cannot call with a key it was given). Preflights are answered before the key is
/// looked at; the headers a portal needs are allowed and those it reads are exposed.
/// </summary>
internal static class PortalCors
{
    public const string PolicyName = "portals";

    public static IServiceCollection AddPortalCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddPolicy(PolicyName, policy =>
        {
            if (origins.Length == 0)
            {
                return;
            }
            policy.WithOrigins(origins)
                .WithMethods("GET", "POST", "PATCH", "DELETE")
                .WithHeaders("X-Api-Key", "Content-Type", "Accept", "Idempotency-Key", "If-Match", "If-None-Match")
                .WithExposedHeaders("Location", "Retry-After", "ETag", "Link")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }
}
