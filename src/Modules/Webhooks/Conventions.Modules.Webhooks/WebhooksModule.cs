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
        services.AddModuleDbContext<WebhooksDbContext, SqliteWebhooksDbContext, SqlServerWebhooksDbContext>(WebhooksDbContext.SchemaName, WebhooksDbContext.CachedData);
        services.AddSingleton<WebhookSubscriptions>();
        services.Configure<WebhookSettings>(settings =>
        {
            settings.AllowLoopback = development;
            configuration.GetSection("Webhooks").Bind(settings);
        });
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
