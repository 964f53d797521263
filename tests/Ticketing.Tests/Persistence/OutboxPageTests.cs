using Conventions.BuildingBlocks.Outbox;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Tests.Persistence;

/// <summary>
/// The outbox job reads a page of due events along the index of pending events, which gives their order: no sort of
/// the backlog, however long (issue 17, costs that stay flat as data grows). Checked on the plan of the lane's database.
/// </summary>
public sealed class OutboxPageTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_page_of_due_events_is_read_in_order_along_the_pending_index_without_sorting_the_backlog()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        // 2,800 events processed and 200 due behind them, older than anything the scenario writes.
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        db.OutboxMessages.AddRange(Enumerable.Range(0, 3000).Select(i => new OutboxMessage
        {
            Id = Guid.CreateVersion7(start.AddSeconds(i)),
            Type = "test",
            Payload = "{}",
            OccurredAt = start.AddSeconds(i),
            NextAttemptAt = start.AddSeconds(i),
            ProcessedAt = i < 2800 ? start.AddSeconds(i + 1) : null,
        }));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var page = OutboxMessage.PendingPage(db.OutboxMessages.AsNoTracking(), start.AddHours(2), 50);
        var plan = await QueryPlans.PlanAsync(db, page);

        Assert.Contains("outbox_OccurredAt_NextAttemptAt", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(db.IsSqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
        var read = await page.ToListAsync();
        Assert.Equal(Enumerable.Range(2800, 50).Select(i => start.AddSeconds(i)), read.Select(m => m.OccurredAt));
    }
}
