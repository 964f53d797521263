using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Disputes.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Disputes;

/// <summary>Disputes: breaches, legal deadlines, suspension, explanation, termination, remedy and lapse.</summary>
public static class DisputesModule
{
    public static IServiceCollection AddDisputesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<DisputesDbContext, SqliteDisputesDbContext, SqlServerDisputesDbContext, PostgreSqlDisputesDbContext>(DisputesDbContext.SchemaName);
        services.AddScoped<DisputeEffects>();
        services.AddSingleton<IJob, DeadlinesJob>();
        services.AddSingleton<IDemoDataSeeder, DemoDisputes>();
        services.AddValidatorsFromAssemblyContaining<OpenDisputeValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapDisputesModule(this IEndpointRouteBuilder api)
    {
        DisputeEndpoints.Map(api);
        return api;
    }
}
