using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Idempotency;

/// <summary>Forgets the keys older than <see cref="IdempotencyRecord.Lifetime"/>, in every module (hourly).</summary>
public sealed class IdempotencyExpiryJob(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> modules, TimeProvider clock) : IJob
{
    public string Name => JobNames.Idempotency;

    public string Cron => "17 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        var removed = 0;
        foreach (var module in modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            removed += await db.IdempotencyRecords.Where(r => r.CreatedAt <= before).ExecuteDeleteAsync(cancellationToken);
        }
        return removed;
    }
}
