using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Conventions.BuildingBlocks.Web;

/// <summary>
/// The <c>total</c> of a list (ADR 0015): counted for its first page and carried by the cursor of the following ones, so
/// that paging through a list counts it once. A count of <see cref="LargeList"/> items or more (a platform's million
/// notices, say: 50 ms in SQLite, 70 ms in PostgreSQL) is kept for <see cref="LargeListLifetime"/> for the same query and
/// parameters, so that a first page asked again and again does not count it again; smaller lists, every list a
/// structure sees of its own, are counted exactly on every first page.
/// </summary>
public static class ListTotals
{
    public const int LargeList = 10_000;

    public static readonly TimeSpan LargeListLifetime = TimeSpan.FromSeconds(30);

    private const int MaxKept = 1_000;

    private static readonly ConcurrentDictionary<string, (int Total, long CountedAt)> Kept = new(StringComparer.Ordinal);

    /// <summary>The total of <paramref name="query"/> (filtered, not yet ordered nor paged) for the page asked.</summary>
    public static async Task<int> CountAsync<T>(IQueryable<T> query, PageRequest page, CancellationToken cancellationToken)
    {
        if (page.Total is { } carried)
        {
            return carried;
        }
        // The query's SQL with its parameters' values: two callers share a count only if they ask the same rows.
        var key = query.ToQueryString();
        var now = Environment.TickCount64;
        if (Kept.TryGetValue(key, out var kept) && now - kept.CountedAt < (long)LargeListLifetime.TotalMilliseconds)
        {
            return kept.Total;
        }
        var total = await query.CountAsync(cancellationToken);
        if (total >= LargeList)
        {
            if (Kept.Count >= MaxKept)
            {
                Kept.Clear();
            }
            Kept[key] = (total, now);
        }
        else
        {
            Kept.TryRemove(key, out _);
        }
        return total;
    }
}
