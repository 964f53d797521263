using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Partners.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Partners;

/// <summary>Partners: organizations, contacts, API keys and roles, suspension, directories, donations.</summary>
public static class PartnersModule
{
    public static IServiceCollection AddPartnersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PartnersDbContext, SqlitePartnersDbContext, SqlServerPartnersDbContext, PostgreSqlPartnersDbContext>(PartnersDbContext.SchemaName, PartnersDbContext.CachedData);
        services.Configure<PartnersSettings>(configuration.GetSection("Conventions"));
        services.AddSingleton<IDemoDataSeeder, DemoPartners>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, AccessLogRetentionJob>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, KeyExpiryNoticesJob>();
        services.AddScoped<CredentialNotices>();
        services.AddScoped<MediationNotices>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, SeasonEventReminderJob>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, SeasonEventRetentionJob>();
        services.AddValidatorsFromAssemblyContaining<RegisterOrganizationValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapPartnersModule(this IEndpointRouteBuilder api)
    {
        OrganizationEndpoints.Map(api);
        SeasonEventEndpoints.Map(api);
        CredentialEndpoints.Map(api);
        ProgramEndpoints.Map(api);
        DirectoryEndpoints.Map(api);
        DonationEndpoints.Map(api);
        AccessLogEndpoints.Map(api);
        return api;
    }
}
