using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Scheduling.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Scheduling;

/// <summary>Scheduling: venues, rooms, closures, permanences, reservations, appointments, visits, calendars.</summary>
public static class SchedulingModule
{
    public static IServiceCollection AddSchedulingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SchedulingDbContext, SqliteSchedulingDbContext, SqlServerSchedulingDbContext, PostgreSqlSchedulingDbContext>(SchedulingDbContext.SchemaName);
        services.AddScoped<OccurrenceCancellation>();
        services.AddScoped<PermanenceNotices>();
        services.AddScoped<InternalRulesNotices>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, AppointmentRetentionJob>();
        services.AddSingleton<IDemoDataSeeder, DemoScheduling>();
        services.AddValidatorsFromAssemblyContaining<CreatePermanenceValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapSchedulingModule(this IEndpointRouteBuilder api)
    {
        VenueEndpoints.Map(api);
        PermanenceEndpoints.Map(api);
        VisitEndpoints.Map(api);
        CalendarEndpoints.Map(api);
        SchedulingReportEndpoints.Map(api);
        return api;
    }
}
