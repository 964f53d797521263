using Conventions.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;

namespace BuildingBlocks.Tests.Persistence;

/// <summary>The write-ahead log copied in the background (ADR 0026): commits leave it to the checkpointer, which copies it all.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"wal-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Commits_leave_the_log_to_the_background_checkpoint_which_copies_all_of_it()
    {
        await using var writer = new SqliteConnection($"Data Source={_path};Pooling=False");
        await writer.OpenAsync();
        await SqlitePragmas.EnableWriteAheadLogAsync(writer, CancellationToken.None);
        // As every connection of a module context is set up.
        await SqlitePragmas.Instance.ConnectionOpenedAsync(writer, null!);
        await using var command = writer.CreateCommand();
        command.CommandText = "CREATE TABLE rows (payload BLOB NOT NULL)";
        await command.ExecuteNonQueryAsync();

        // 1,500 pages and more, in 30 commits: past the 1,000 pages at which SQLite's default makes a commit copy the log.
        command.CommandText = "INSERT INTO rows SELECT randomblob(3900) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) SELECT i FROM n)";
        for (var i = 0; i < 30; i++)
        {
            await command.ExecuteNonQueryAsync();
        }

        await using var checkpointer = new SqliteConnection($"Data Source={_path};Pooling=False");
        await checkpointer.OpenAsync();
        await SqliteCheckpointer.PrepareAsync(checkpointer, CancellationToken.None);
        var (logPages, copied) = await SqliteCheckpointer.CheckpointAsync(checkpointer, CancellationToken.None);

        Assert.InRange(logPages, 1_500, SqliteCheckpointer.FallbackPages);
        Assert.Equal(logPages, copied);
        command.CommandText = "SELECT count(*) FROM rows";
        Assert.Equal(1_500L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Checkpoints_come_every_5_ms_while_the_log_changes_and_back_off_to_320_ms_when_it_does_not()
    {
        var wait = SqliteCheckpointer.BusyInterval;
        var waits = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            wait = SqliteCheckpointer.NextWait(wait, logChanged: false);
            waits.Add(wait.TotalMilliseconds);
        }
        Assert.Equal([10, 20, 40, 80, 160, 320, 320, 320], waits);
        Assert.Equal(5, SqliteCheckpointer.NextWait(SqliteCheckpointer.IdleInterval, logChanged: true).TotalMilliseconds);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
