using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Jobs;

/// <summary>
/// How a sweep deletes what may be thousands of rows without holding up the requests: by pages, each page a statement
/// of its own in a scope of its own, at SQLite's write gate (<see cref="SqliteWriteGate"/>: the booking writer waits for
/// one page at most, in line, instead of sleeping in SQLite's busy handler behind one long delete), pausing between
/// pages while requests are served (<see cref="ForegroundLoad"/>).
/// </summary>
public static class PagedDelete
{
    /// <summary>
    /// Runs <paramref name="deletePage"/> on the module's context until a page deletes fewer than
    /// <paramref name="pageSize"/> rows; gives how many were deleted in all.
    /// </summary>
    public static async Task<int> RunAsync(
        IServiceScopeFactory scopes,
        Type contextType,
        int pageSize,
        ForegroundLoad load,
        Func<ModuleDbContext, CancellationToken, Task<int>> deletePage,
        CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            int page;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
                using var gate = (await SqliteWriteGate.EnterAsync(context, cancellationToken)).Hold();
                page = await deletePage(context, cancellationToken);
            }
            deleted += page;
            if (page < pageSize)
            {
                return deleted;
            }
            await load.YieldAsync(System.Diagnostics.Stopwatch.GetElapsedTime(started), cancellationToken);
        }
    }
}
