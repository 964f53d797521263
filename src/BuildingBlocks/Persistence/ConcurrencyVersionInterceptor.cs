using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Each changed <see cref="IConcurrencyChecked"/> row gets its version + 1 as it is saved; EF's update says
/// <c>WHERE RowVersion = @read</c>, so of two requests that read the same version only the first to commit writes.
/// </summary>
public sealed class ConcurrencyVersionInterceptor : SaveChangesInterceptor
{
    public static readonly ConcurrencyVersionInterceptor Instance = new();

    /// <summary>The property every <see cref="IConcurrencyChecked"/> entity maps as its concurrency token.</summary>
    public const string Property = "RowVersion";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<IConcurrencyChecked>() ?? [])
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(Property);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
