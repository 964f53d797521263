using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Scheduling.Domain;
using Conventions.Modules.Scheduling.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduling.Tests.Occurrences;

/// <summary>
/// A venue's calendar by pages reads its page in the index's order, start then id, and stops at the page's end; a first
/// page counts its range (<c>ListTotals</c>, which keeps only counts of 10,000 or more), from the index alone, the dates
/// tested on it. Issue 17's scale run, on PostgreSQL, a year of 10,000 occurrences: the page, once prepared, was planned
/// for one row and read and sorted all of them (8–15 ms), and the count fetched every row for its date (12.6 ms).
/// </summary>
public sealed class CalendarPlanTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_venues_calendar_range_is_counted_from_its_index_alone()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var venue = Guid.NewGuid();
        // The range GetCalendar reads (a venue operator's view), as its count selects it.
        var range = Range(db, venue).Select(o => 1);

        var plan = await QueryPlans.PlanAsync(db, range);

        Assert.Contains("VenueId_StartsAt_Id_Date", plan, StringComparison.Ordinal);
        if (db.IsSqlite)
        {
            Assert.Contains("COVERING INDEX", plan, StringComparison.Ordinal);
        }
        Assert.Equal(0, await range.CountAsync());
    }

    [Fact]
    public async Task A_venues_calendar_page_is_read_in_the_index_order_without_a_sort()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        // The page Paging.PageAsync reads: start, then id, a page and one more.
        var page = Range(db, Guid.NewGuid()).OrderBy(o => o.StartsAt).ThenBy(o => o.Id).Select(o => o.Id).Take(51);

        var plan = await QueryPlans.PlanAsync(db, page);

        Assert.Contains("VenueId_StartsAt_Id_Date", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(db.IsSqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
        Assert.Empty(await page.ToListAsync());
    }

    private static IQueryable<Occurrence> Range(SchedulingDbContext db, Guid venue)
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var (startsFrom, startsBefore) = (ParisTime.StartOf(from), ParisTime.StartOf(to.AddDays(1)));
        return db.Occurrences.AsNoTracking()
            .Where(o => o.VenueId == venue && o.StartsAt >= startsFrom && o.StartsAt < startsBefore && o.Date >= from && o.Date <= to);
    }
}
