using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Outbox;
using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conventions.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    /// <summary>What every module needs: the clock, the current actor, the unit of work, rendering and the outbox jobs.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<RequestOrigin>();
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<IJob, OutboxDispatcher>();
        services.AddSingleton<IJob, OutboxRetentionJob>();
        services.AddScoped<Idempotency.IdempotencyRequest>();
        services.AddScoped<Web.PageRequest>();
        services.AddSingleton<Jobs.ForegroundLoad>();
        services.AddScoped<Web.ConditionalRequest>();
        services.AddSingleton<Observability.EngineMetrics>();
        services.AddSingleton<Idempotency.IdempotencyInFlight>();
        services.AddSingleton<IJob, Idempotency.IdempotencyExpiryJob>();
        return services;
    }
}
