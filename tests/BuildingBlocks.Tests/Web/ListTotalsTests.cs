using Conventions.BuildingBlocks.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Web;

/// <summary>A list's total is counted once per listing, and a large one once per half-minute for the same rows.</summary>
public sealed class ListTotalsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private sealed class Item
    {
        public Guid Id { get; set; }

        public int Group { get; set; }
    }

    private sealed class ItemsContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();
    }

    private ItemsContext NewContext()
    {
        _connection.Open();
        var context = new ItemsContext(new DbContextOptionsBuilder<ItemsContext>().UseSqlite(_connection).Options);
        context.Database.EnsureCreated();
        return context;
    }

    private static async Task AddAsync(ItemsContext db, int group, int count)
    {
        db.Items.AddRange(Enumerable.Range(0, count).Select(_ => new Item { Id = Guid.NewGuid(), Group = group }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    [Fact]
    public async Task A_following_page_repeats_the_total_its_cursor_carries_without_counting()
    {
        await using var db = NewContext();
        await AddAsync(db, 1, 5);
        var first = await db.Items.Where(i => i.Group == 1).PageAsync(i => i.Id, i => i.Id, Read("2"), i => i.Id, CancellationToken.None);
        await AddAsync(db, 1, 3);

        var second = await db.Items.Where(i => i.Group == 1).PageAsync(i => i.Id, i => i.Id, Read("2", first.Next), i => i.Id, CancellationToken.None);
        var again = await db.Items.Where(i => i.Group == 1).PageAsync(i => i.Id, i => i.Id, Read("2"), i => i.Id, CancellationToken.None);

        Assert.Equal((5, 5, 8), (first.Total, second.Total, again.Total));
    }

    [Fact]
    public async Task A_small_list_is_counted_exactly_on_every_first_page_and_a_large_one_is_kept_per_query_and_parameters()
    {
        await using var db = NewContext();
        var (small, large, other) = (101, 102, 103);
        await AddAsync(db, small, 3);
        await AddAsync(db, large, ListTotals.LargeList);
        await AddAsync(db, other, ListTotals.LargeList + 1);

        Task<int> Count(int group) => ListTotals.CountAsync(db.Items.Where(i => i.Group == group), new PageRequest(), CancellationToken.None);
        var before = (await Count(small), await Count(large), await Count(other));
        await AddAsync(db, small, 1);
        await AddAsync(db, large, 1);
        var after = (await Count(small), await Count(large), await Count(other));

        Assert.Equal((3, ListTotals.LargeList, ListTotals.LargeList + 1), before);
        // The small list counted again; the large one kept (its parameter tells it from the other group's).
        Assert.Equal((4, ListTotals.LargeList, ListTotals.LargeList + 1), after);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    [InlineData("sqlserver")]
    public void The_key_a_total_is_kept_under_tells_the_parameters_values_apart_on_every_provider(string provider)
    {
        // The SQL text with its parameters' values is the key: two organizations' lists must never share a kept total.
        var options = new DbContextOptionsBuilder<ItemsContext>();
        _ = provider switch
        {
            "sqlite" => options.UseSqlite("Data Source=:memory:"),
            "postgresql" => options.UseNpgsql("Host=localhost"),
            _ => options.UseSqlServer("Server=localhost"),
        };
        using var db = new ItemsContext(options.Options);
        string Key(int group) => db.Items.Where(i => i.Group == group).ToQueryString();

        Assert.Equal(Key(7), Key(7));
        Assert.NotEqual(Key(7), Key(8));
    }

    private static PageRequest Read(string limit, string? cursor = null)
    {
        var page = new PageRequest();
        page.Read(limit, cursor);
        return page;
    }

    public void Dispose() => _connection.Dispose();
}
