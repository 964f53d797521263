using Conventions.Modules.Notices.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Notices.Tests;

/// <summary>
/// The notices of one convention or one dispute, newest first (<c>GET /notices?conventionId=</c>, <c>?disputeId=</c>),
/// are read along an index that starts with it and carries the list's order, and stop at the page's end: with an index
/// of the convention alone, the bundled SQLite read every notice of the convention and sorted them for a first page
/// (issue 17's scale run: 146 ms p50 for a convention with a million notices).
/// </summary>
public sealed class NoticeListPlanTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("ConventionId")]
    [InlineData("DisputeId")]
    public async Task A_page_of_one_conventions_or_disputes_notices_reads_its_index_in_the_lists_order(string column)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticesDbContext>();
        var id = Guid.NewGuid();
        // The page ListNotices reads for ?conventionId= or ?disputeId= (newest first, by cursor), its ids only (without
        // the owned rows' joins).
        var page = db.Notices.AsNoTracking().Where(n => EF.Property<Guid?>(n, column) == id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => n.Id).Take(51);

        var plan = await QueryPlans.PlanAsync(db, page);

        Assert.Contains($"{column}_CreatedAt_Id", plan, StringComparison.Ordinal);
        if (db.IsSqlite)
        {
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
        Assert.Empty(await page.ToListAsync());
    }
}
