using Conventions.BuildingBlocks.Idempotency;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Tests.Persistence;

/// <summary>
/// The hourly <c>idempotency</c> job forgets the keys past 24 hours by pages, oldest first: a day after a booking rush
/// its thousands of keys expire in the same hour, and one statement deleting them all held SQLite's one write lock while
/// the bookings of the moment waited.
/// </summary>
public sealed class IdempotencyExpiryTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Expired_keys_are_forgotten_by_pages_of_500_oldest_first_and_recent_ones_kept()
    {
        var now = _factory.Clock.GetUtcNow();
        var credential = Guid.NewGuid();
        // 1,200 keys of a rush 25 hours ago, a second apart (the oldest first), and 10 of an hour ago.
        IdempotencyRecord Key(int i, DateTimeOffset at) => new()
        {
            CredentialId = credential,
            Key = $"rush-{i:D4}",
            RequestHash = "hash",
            Response = "{\"status\":\"confirmed\"}",
            CreatedAt = at,
        };
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            db.IdempotencyRecords.AddRange(Enumerable.Range(0, 1200).Select(i => Key(i, now.AddHours(-26).AddSeconds(i))));
            db.IdempotencyRecords.AddRange(Enumerable.Range(0, 10).Select(i => Key(2000 + i, now.AddHours(-1))));
            await db.SaveChangesAsync();
        }

        // One page: the 500 oldest, no more.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            Assert.Equal(500, await IdempotencyExpiryJob.DeletePageAsync(db, now - IdempotencyRecord.Lifetime, CancellationToken.None));
            var left = await db.IdempotencyRecords.Where(r => r.CredentialId == credential).Select(r => r.Key).ToListAsync();
            Assert.Equal(710, left.Count);
            Assert.Equal("rush-0500", left.Where(k => k.StartsWith("rush-", StringComparison.Ordinal)).Min(StringComparer.Ordinal));
        }

        // The job: the 700 left of the rush, by pages; then nothing; the recent keys stay.
        Assert.Equal(700, await _factory.RunJobAsync("idempotency"));
        Assert.Equal(0, await _factory.RunJobAsync("idempotency"));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            Assert.Equal(10, await db.IdempotencyRecords.CountAsync(r => r.CredentialId == credential));
        }
    }
}
