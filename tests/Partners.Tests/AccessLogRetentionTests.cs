using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using Conventions.Modules.Partners.Features;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Partners.Tests;

/// <summary>
/// The nightly <c>retention-access-log</c> job forgets the access log's entries older than 12 months by pages of 500,
/// oldest first: every read of personal data leaves an entry, so a busy day a year ago may leave thousands.
/// </summary>
public sealed class AccessLogRetentionTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Entries_older_than_twelve_months_are_forgotten_by_pages_and_recent_ones_kept()
    {
        var now = _factory.Clock.GetUtcNow();
        PersonalDataAccess Entry(int i, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(at),
            At = at,
            Role = "booker",
            Resource = "beneficiaries",
            Request = $"/api/v1/beneficiaries?page={i}",
        };
        // 1,200 reads of a busy day 13 months ago, a second apart, and 10 of last month.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            db.PersonalDataAccesses.AddRange(Enumerable.Range(0, 1200).Select(i => Entry(i, now.AddMonths(-13).AddSeconds(i))));
            db.PersonalDataAccesses.AddRange(Enumerable.Range(0, 10).Select(i => Entry(i, now.AddMonths(-1).AddSeconds(i))));
            await db.SaveChangesAsync();
        }

        // One page: the 500 oldest, no more.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            var cutoff = now.AddMonths(-12);
            Assert.Equal(500, await AccessLogRetentionJob.DeletePageAsync(db, cutoff, CancellationToken.None));
            Assert.Equal("/api/v1/beneficiaries?page=500", (await db.PersonalDataAccesses.Where(e => e.At < cutoff).OrderBy(e => e.At).FirstAsync()).Request);
        }

        // The job: the 700 left, by pages; then nothing; the recent entries stay.
        Assert.Equal(700, await _factory.RunJobAsync("retention-access-log"));
        Assert.Equal(0, await _factory.RunJobAsync("retention-access-log"));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            Assert.Equal(10, await db.PersonalDataAccesses.CountAsync());
        }
    }
}
