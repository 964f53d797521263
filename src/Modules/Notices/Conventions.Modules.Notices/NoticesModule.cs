using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Notices.Delivery;
using Conventions.Modules.Notices.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Notices;

/// <summary>Notices: stored first, then delivered by SMTP or to a pickup folder; listed to partner portals.</summary>
public static class NoticesModule
{
    public static IServiceCollection AddNoticesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NoticesDbContext, SqliteNoticesDbContext, SqlServerNoticesDbContext, PostgreSqlNoticesDbContext>(NoticesDbContext.SchemaName);
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.Configure<NoticeSettings>(configuration.GetSection("Notices"));
        if (!string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupFolderTransport>();
        }
        services.AddSingleton<IJob, NoticeDeliveryJob>();
        services.AddSingleton<Conventions.BuildingBlocks.Observability.IQueueBacklog, NoticeBacklog>();
        services.AddValidatorsFromAssemblyContaining<ListNoticesValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapNoticesModule(this IEndpointRouteBuilder api)
    {
        NoticeEndpoints.Map(api);
        return api;
    }
}
