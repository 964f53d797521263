using System.Data;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ticketing.Tests.Persistence;

/// <summary>A row written by <see cref="EntityInsert"/> must be the row EF would have written: EF reads it back equal.</summary>
public sealed class EntityInsertTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"insert-{Guid.NewGuid():N}.db");

    public enum Colour
    {
        Red,
        DarkBlue,
    }

    public sealed class Sample
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Note { get; set; }

        public Colour Colour { get; set; }

        public Colour? Second { get; set; }

        public DateTimeOffset At { get; set; }

        public DateTimeOffset? MaybeAt { get; set; }

        public DateOnly On { get; set; }

        public long Sequence { get; set; }

        public int? Count { get; set; }

        public decimal Amount { get; set; }
    }

    internal sealed class Owner
    {
        public Guid Id { get; set; }

        public Part Part { get; set; } = new();
    }

    internal sealed class Part
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class TestContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "test";

        public DbSet<Sample> Samples => Set<Sample>();

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Sample>(b =>
            {
                b.ToTable("samples");
                b.Property(x => x.Colour).HasConversion<string>().HasMaxLength(20);
                b.Property(x => x.Second).HasConversion<string>().HasMaxLength(20);
                b.HasIndex(x => x.Name).IsUnique();
            });
            modelBuilder.Entity<Owner>(b =>
            {
                b.ToTable("owners");
                b.OwnsOne(x => x.Part);
            });
        }
    }

    private TestContext NewContext()
    {
        var context = new TestContext(new DbContextOptionsBuilder<TestContext>().UseSqlite($"Data Source={_path}").Options);
        context.Database.EnsureCreated();
        return context;
    }

    public static TheoryData<Sample> Samples() => new()
    {
        new Sample
        {
            Id = Guid.CreateVersion7(), Name = "Zoé « l'aînée »", Note = "<b>&</b>", Colour = Colour.DarkBlue, Second = Colour.Red,
            At = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1)), MaybeAt = DateTimeOffset.UnixEpoch,
            On = new DateOnly(2024, 2, 29), Sequence = long.MaxValue, Count = 3, Amount = 12.5m,
        },
        new Sample { Id = Guid.CreateVersion7(), Name = "nulls", At = DateTimeOffset.UnixEpoch, On = DateOnly.MinValue },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_row_inserted_from_the_mapping_reads_back_as_the_entity(Sample sample)
    {
        await using (var db = NewContext())
        {
            await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
            {
                await using var insert = EntityInsert.Prepare<Sample>(db);
                await insert.ExecuteAsync(sample, ct);
                return 0;
            }, CancellationToken.None);
        }

        await using var reader = NewContext();
        var read = await reader.Samples.AsNoTracking().SingleAsync(s => s.Id == sample.Id);
        Assert.Equivalent(sample, read, strict: true);
        // Instants are stored as UTC ticks: queries compare them with what EF writes.
        Assert.Equal(1, await reader.Samples.CountAsync(s => s.Id == sample.Id && s.At == sample.At && s.Colour == sample.Colour));
    }

    [Fact]
    public async Task A_failing_insert_rolls_back_the_whole_transaction()
    {
        var first = new Sample { Id = Guid.CreateVersion7(), Name = "same", At = DateTimeOffset.UnixEpoch };
        var second = new Sample { Id = Guid.CreateVersion7(), Name = "same", At = DateTimeOffset.UnixEpoch };
        await using (var db = NewContext())
        {
            await Assert.ThrowsAsync<SqliteException>(() => ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
            {
                await using var insert = EntityInsert.Prepare<Sample>(db);
                await insert.ExecuteAsync(first, ct);
                await insert.ExecuteAsync(second, ct);
                return 0;
            }, CancellationToken.None));
        }

        await using var reader = NewContext();
        Assert.Equal(0, await reader.Samples.CountAsync());
    }

    [Fact]
    public async Task Outside_a_transaction_or_with_owned_parts_it_refuses()
    {
        await using var db = NewContext();

        Assert.Throws<InvalidOperationException>(() => EntityInsert.Prepare<Sample>(db));
        await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, ct =>
        {
            Assert.Throws<InvalidOperationException>(() => EntityInsert.Prepare<Owner>(db));
            return Task.FromResult(0);
        }, CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
