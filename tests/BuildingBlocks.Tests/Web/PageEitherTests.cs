using Conventions.BuildingBlocks.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Web;

/// <summary>A party's list read side by side (as operator, as partner) is the list of either, in order, page after page.</summary>
public sealed class PageEitherTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private sealed class Deal
    {
        public Guid Id { get; set; }

        public int Operator { get; set; }

        public int Partner { get; set; }

        public DateTimeOffset CreatedAt { get; set; }
    }

    private sealed class DealsContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Deal> Deals => Set<Deal>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            // Instants as ticks, as the modules store them on SQLite.
            modelBuilder.Entity<Deal>().Property(d => d.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_pages_of_either_side_together_are_the_items_of_either_once_in_order()
    {
        _connection.Open();
        await using var db = new DealsContext(new DbContextOptionsBuilder<DealsContext>().UseSqlite(_connection).Options);
        await db.Database.EnsureCreatedAsync();
        var start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        // Party 1 operates some deals, is partner in others, and both in one; many deals share an instant (ties by id).
        var deals = Enumerable.Range(0, 60).Select(i => new Deal
        {
            Id = Guid.NewGuid(), Operator = i % 3 == 0 ? 1 : 2, Partner = i % 4 == 0 ? 1 : 3, CreatedAt = start.AddMinutes(i / 5),
        }).ToList();
        db.Deals.AddRange(deals);
        await db.SaveChangesAsync();
        var expected = deals.Where(d => d.Operator == 1 || d.Partner == 1).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => d.Id).ToList();

        var read = new List<Guid>();
        var totals = new List<int>();
        string? cursor = null;
        do
        {
            var page = new PageRequest();
            page.Read("7", cursor);
            var answer = await db.Deals.AsNoTracking().PageEitherAsync(d => d.Operator == 1, d => d.Partner == 1, d => d.CreatedAt, d => d.Id, page, d => d.Id, CancellationToken.None);
            read.AddRange(answer.Items);
            totals.Add(answer.Total);
            cursor = answer.Next;
        }
        while (cursor is not null);

        Assert.Equal(expected, read);
        Assert.All(totals, t => Assert.Equal(expected.Count, t));
        Assert.Equal((expected.Count + 6) / 7, totals.Count);
    }

    public void Dispose() => _connection.Dispose();
}
