using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Idempotency;

/// <summary>
/// Forgets the keys older than <see cref="IdempotencyRecord.Lifetime"/>, in every module (hourly), oldest first, by
/// pages (<see cref="PagedDelete"/>): a day after a booking rush, its thousands of keys expire within the same hour,
/// and one statement deleting them all held SQLite's one write lock while bookings waited.
/// </summary>
public sealed class IdempotencyExpiryJob(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> modules, TimeProvider clock, ForegroundLoad load) : IJob
{
    /// <summary>Keys forgotten per statement (a few more when keys share the last one's instant).</summary>
    public const int PageSize = 500;

    public string Name => JobNames.Idempotency;

    public string Cron => "17 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        var removed = 0;
        foreach (var module in modules)
        {
            removed += await PagedDelete.RunAsync(scopes, module.ContextType, PageSize, load, (db, ct) => DeletePageAsync(db, before, ct), cancellationToken);
        }
        return removed;
    }

    /// <summary>
    /// One page of keys created at or before <paramref name="before"/>: the oldest <see cref="PageSize"/> (and those
    /// sharing the last one's instant), found and deleted along the index on the creation instant.
    /// </summary>
    public static async Task<int> DeletePageAsync(ModuleDbContext db, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var expired = db.IdempotencyRecords.Where(r => r.CreatedAt <= before);
        var last = await expired.OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).Skip(PageSize - 1).FirstOrDefaultAsync(cancellationToken);
        var upTo = last ?? before;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt <= upTo).ExecuteDeleteAsync(cancellationToken);
    }
}
