using Conventions.BuildingBlocks.Outbox;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Tests.Persistence;

/// <summary>
/// The <c>retention-outbox</c> job: events processed more than 30 days ago are deleted (their payloads may copy
/// personal data; nothing reads them again); events processed since, and pending events however old, are kept.
/// </summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Events_processed_more_than_thirty_days_ago_are_deleted_by_pages_and_pending_ones_kept()
    {
        var now = _factory.Clock.GetUtcNow();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            OutboxMessage Event(int i, DateTimeOffset occurred, DateTimeOffset? processed) => new()
            {
                Id = Guid.CreateVersion7(occurred.AddMilliseconds(i)),
                Type = "test",
                Payload = "{\"letter\":\"Madame Samia K.\"}",
                OccurredAt = occurred,
                NextAttemptAt = occurred,
                ProcessedAt = processed,
            };
            // 1,200 processed 31 days ago (three pages), 10 processed 29 days ago, 5 still pending since 60 days.
            db.OutboxMessages.AddRange(Enumerable.Range(0, 1200).Select(i => Event(i, now.AddDays(-32), now.AddDays(-31))));
            db.OutboxMessages.AddRange(Enumerable.Range(0, 10).Select(i => Event(i, now.AddDays(-30), now.AddDays(-29))));
            db.OutboxMessages.AddRange(Enumerable.Range(0, 5).Select(i => Event(i, now.AddDays(-60), null)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1200, await _factory.RunJobAsync(OutboxRetentionJob.JobName));
        Assert.Equal(0, await _factory.RunJobAsync(OutboxRetentionJob.JobName));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            var left = await db.OutboxMessages.Where(m => m.Type == "test").ToListAsync();
            Assert.Equal(10, left.Count(m => m.ProcessedAt is not null));
            Assert.Equal(5, left.Count(m => m.ProcessedAt is null));
        }
    }
}
