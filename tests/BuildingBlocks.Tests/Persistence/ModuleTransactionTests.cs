using System.Data;
using Conventions.BuildingBlocks.Caching;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Persistence;

/// <summary>The one transaction path (ADR 0012): all or nothing, the SQLite write gate always given back, cache signals after commit.</summary>
public sealed class ModuleTransactionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tx-{Guid.NewGuid():N}.db");

    private static readonly ChangeSignal Signal = new("test.module-transaction");

    internal sealed class Note
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    private sealed class TestContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "test";

        public DbSet<Note> Notes => Set<Note>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>(b => b.HasIndex(n => n.Text).IsUnique());
    }

    private static readonly CachedDataInterceptor NotesCached = new(Signal, tracker => tracker.Entries<Note>().Any());

    private TestContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TestContext>().UseSqlite($"Data Source={_path}").AddInterceptors(NotesCached).Options;
        var context = new TestContext(options);
        context.Database.EnsureCreated();
        return context;
    }

    [Fact]
    public async Task A_unit_that_fails_writes_nothing_and_the_next_unit_is_not_kept_waiting()
    {
        await using var db = NewContext();
        await ModuleTransaction.RunAsync(db, IsolationLevel.Serializable, _ =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "taken" });
            return Task.FromResult(0);
        }, CancellationToken.None);

        // A unit whose own save fails (the unique index) and one that throws before saving.
        await Assert.ThrowsAsync<DbUpdateException>(() => ModuleTransaction.RunAsync(db, IsolationLevel.Serializable, _ =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "first of two" });
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "taken" });
            return Task.FromResult(0);
        }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ModuleTransaction.RunAsync<int>(db, IsolationLevel.ReadCommitted, _ =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "never" });
            throw new InvalidOperationException("refused");
        }, CancellationToken.None));

        // The gate was given back each time: a unit from another context on the same file gets it at once.
        await using var other = NewContext();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ModuleTransaction.RunAsync(other, IsolationLevel.Serializable, _ =>
        {
            other.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "after" });
            return Task.FromResult(0);
        }, timeout.Token);

        Assert.Equal(["after", "taken"], await other.Notes.Select(n => n.Text).OrderBy(t => t).ToListAsync());
    }

    [Fact]
    public async Task A_save_outside_a_unit_queues_at_the_gate_rather_than_in_sqlites_busy_handler()
    {
        await using var db = NewContext();
        await using var other = NewContext();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // A unit holding SQLite's write lock (it has written) until released.
        var unit = ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "unit" });
            await db.SaveChangesAsync(ct);
            inside.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await inside.Task;

        // The save comes back at once, waiting at the gate: in SQLite's busy handler it would block this thread, and
        // then fail, with the lock held all the while.
        other.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "save" });
        var save = other.SaveChangesAsync();
        Assert.False(save.IsCompleted);

        release.SetResult();
        await unit;
        Assert.Equal(1, await save);
        Assert.Equal(["save", "unit"], await other.Notes.Select(n => n.Text).OrderBy(t => t).ToListAsync());
    }

    [Fact]
    public async Task A_unit_inside_a_unit_joins_it()
    {
        await using var db = NewContext();
        await ModuleTransaction.RunAsync(db, IsolationLevel.Serializable, async ct =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "outer" });
            return await ModuleTransaction.RunAsync(db, IsolationLevel.Serializable, _ =>
            {
                db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "inner" });
                return Task.FromResult(0);
            }, ct);
        }, CancellationToken.None);

        Assert.Equal(2, await db.Notes.CountAsync());
    }

    [Fact]
    public async Task Cached_data_saved_in_a_transaction_is_signalled_again_once_committed()
    {
        await using var db = NewContext();
        long? beforeCommit = null;
        await ModuleTransaction.RunAsync(db, IsolationLevel.Serializable, async ct =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "cached" });
            await db.SaveChangesAsync(ct);
            beforeCommit = Signal.Value;
            return 0;
        }, CancellationToken.None);

        // A cache entry loaded between the save and the commit (it would hold the old value) is dropped too.
        Assert.True(Signal.Value > beforeCommit, $"{Signal.Value} after the commit, {beforeCommit} before it");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
