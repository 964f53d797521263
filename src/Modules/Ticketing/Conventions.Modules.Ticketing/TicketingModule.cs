using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Ticketing.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Ticketing;

/// <summary>Ticketing (Billetterie solidaire): offers, sessions, beneficiaries, bookings, waiting lists, attendance.</summary>
public static class TicketingModule
{
    public static IServiceCollection AddTicketingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TicketingDbContext, SqliteTicketingDbContext, SqlServerTicketingDbContext, PostgreSqlTicketingDbContext>(TicketingDbContext.SchemaName);
        services.AddScoped<TicketingNotices>();
        services.AddScoped<Waitlist>();
        services.AddSingleton<BookingGroupCommit>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, BeneficiaryRetentionJob>();
        services.AddSingleton<global::Conventions.BuildingBlocks.Jobs.IJob, SeatFiguresJob>();
        services.AddSingleton<IDemoDataSeeder, DemoTicketing>();
        services.AddValidatorsFromAssemblyContaining<CreateBookingValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapTicketingModule(this IEndpointRouteBuilder api)
    {
        OfferEndpoints.Map(api);
        BookingEndpoints.Map(api);
        ReportEndpoints.Map(api);
        CheckIns.Map(api);
        EcrieursEndpoints.Map(api);
        CultureReportEndpoints.Map(api);
        return api;
    }
}
