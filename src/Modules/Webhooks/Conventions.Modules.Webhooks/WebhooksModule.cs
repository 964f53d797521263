using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Webhooks.Features;
using Conventions.Modules.Webhooks.Sending;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Webhooks;

/// <summary>Webhooks: organizations subscribe to the engine's events; deliveries are signed, retried for 3 days, listed (ADR 0018).</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooksModule(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        services.AddModuleDbContext<WebhooksDbContext, SqliteWebhooksDbContext, SqlServerWebhooksDbContext, PostgreSqlWebhooksDbContext>(WebhooksDbContext.SchemaName, WebhooksDbContext.CachedData);
        services.AddSingleton<WebhookSubscriptions>();
        services.Configure<WebhookSettings>(settings =>
        {
            settings.AllowLoopback = development;
            configuration.GetSection("Webhooks").Bind(settings);
        });
        // A network that is not CIDR is a configuration error found at start, not a 500 at the first webhook.
        services.AddOptions<WebhookSettings>()
            .Validate(s => s.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Webhooks:AllowedNetworks lists networks in CIDR (10.20.0.0/16).")
            .Validate(s => s.TimeoutSeconds is >= 1 and <= 60 && s.Parallelism is >= 1 and <= 64, "Webhooks:TimeoutSeconds is 1 to 60, Webhooks:Parallelism 1 to 64.")
            .ValidateOnStart();
        services.AddSingleton<WebhookDestinations>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookFanOut>();
        services.AddScoped<WebhookDisabledNotice>();
        services.AddSingleton<IJob, WebhookDeliveryJob>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Observability.IQueueBacklog, WebhookBacklog>();
        services.AddHttpClient(WebhookDeliveryJob.Client, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Redirects are not followed (a redirect could lead anywhere); no proxy (it would connect for us, past
                // the address check); each connection is checked where it goes.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookSettings>>().Value.TimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<WebhookDestinations>().ConnectAsync,
            })
            .RemoveAllLoggers();
        services.AddValidatorsFromAssemblyContaining<CreateWebhookValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooksModule(this IEndpointRouteBuilder api)
    {
        WebhookEndpoints.Map(api);
        return api;
    }
}
