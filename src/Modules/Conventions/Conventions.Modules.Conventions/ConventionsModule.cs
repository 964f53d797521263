using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Conventions.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Conventions;

/// <summary>Conventions: templates, signatures, amendments, terms, tacit renewal, committees, publications.</summary>
public static class ConventionsModule
{
    public static IServiceCollection AddConventionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ConventionsDbContext, SqliteConventionsDbContext, SqlServerConventionsDbContext, PostgreSqlConventionsDbContext>(ConventionsDbContext.SchemaName, ConventionsDbContext.CachedData);
        services.AddScoped<ConventionDocuments>();
        services.AddScoped<ConventionEffects>();
        services.AddScoped<SignatureWitness>();
        services.AddScoped<DocumentPdfs>();
        services.AddSingleton<IJob, RenewalsJob>();
        services.AddSingleton<StandingCache>();
        services.AddSingleton<IDemoDataSeeder, DemoConventions>();
        services.AddValidatorsFromAssemblyContaining<CreateConventionValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapConventionsModule(this IEndpointRouteBuilder api)
    {
        DraftingEndpoints.Map(api);
        ReadingEndpoints.Map(api);
        SigningEndpoints.Map(api);
        AmendmentEndpoints.Map(api);
        CommitteeEndpoints.Map(api);
        PublicationEndpoints.Map(api);
        SeasonEndpoints.Map(api);
        return api;
    }
}
