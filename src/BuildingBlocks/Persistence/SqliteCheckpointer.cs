using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file from a connection of its own, every
/// <see cref="BusyInterval"/> while commits come, less often when they stop (ADR 0026). By default SQLite makes the
/// connection whose commit takes the log past 1,000 pages copy it, in that commit: the booking writer, the one section
/// that cannot run in parallel, then spent about 40 % of its commit time copying pages. A passive checkpoint here
/// copies the same pages on another core without blocking writers or readers; the log still restarts from its
/// beginning once copied. Commits checkpoint themselves only past <see cref="FallbackPages"/>, so the log stays bounded
/// even if this loop stops.
/// </summary>
public sealed partial class SqliteCheckpointer(IOptions<DatabaseSettings> settings, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Pages (4 KiB) past which a committing connection checkpoints itself: the log's bound if this loop falls behind.</summary>
    public const int FallbackPages = 10_000;

    /// <summary>
    /// Between two checkpoints while commits keep coming. Short, so each copies little: a checkpoint's sync of the
    /// database file delays the commits' syncs of the log while it lasts, and the commit that takes the log past
    /// <see cref="FallbackPages"/> copies, in the one writer's section, what the last checkpoint left. Under the booking
    /// load (<c>load 32 10000 15</c>), booking groups whose write took over 8 ms, per 10 s: 25–28 every 100 ms, 47–70
    /// every 25 ms, 19–28 every 10 ms, 8 every 5 ms; the bookings' p99 went from 20–27 ms (every 25 ms) to 13–16 ms.
    /// </summary>
    public static readonly TimeSpan BusyInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest wait between two checkpoints, reached by doubling while there is nothing to copy.</summary>
    public static readonly TimeSpan IdleInterval = TimeSpan.FromMilliseconds(320);

    /// <summary>
    /// The wait before the next checkpoint: <see cref="BusyInterval"/> after one that found the log changed, else twice
    /// the last wait, up to <see cref="IdleInterval"/> (an idle engine is not woken 200 times a second).
    /// </summary>
    public static TimeSpan NextWait(TimeSpan last, bool logChanged) =>
        logChanged ? BusyInterval : TimeSpan.FromTicks(Math.Min(last.Ticks * 2, IdleInterval.Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        try
        {
            await using var connection = new SqliteConnection(settings.Value.ConnectionString);
            await connection.OpenAsync(stoppingToken);
            await PrepareAsync(connection, stoppingToken);
            // Real time, not the engine's clock: a mechanical cadence, like a socket's timeout, not a date of the business.
            var wait = BusyInterval;
            var last = (LogPages: 0, Copied: 0);
            while (true)
            {
                await Task.Delay(wait, stoppingToken);
                var seen = last;
                try
                {
                    last = await CheckpointAsync(connection, stoppingToken);
                }
                catch (SqliteException e)
                {
                    // Busy or locked now (a restore, a backup's exclusive step): the next tick tries again.
                    LogCheckpointFailed(logger, e.SqliteErrorCode, e);
                }
                wait = NextWait(wait, last != seen);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sets up the checkpointer's connection, once: it waits for a busy lock, and never checkpoints on commits of its own.</summary>
    public static async Task PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=15000; PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One passive checkpoint on <paramref name="connection"/> (set up by <see cref="PrepareAsync"/>): the log's pages,
    /// and how many of them are now in the database file.
    /// </summary>
    public static async Task<(int LogPages, int Copied)> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (reader.FieldCount < 3 && await reader.NextResultAsync(cancellationToken))
        {
        }
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(1), reader.GetInt32(2)) : (0, 0);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A background checkpoint of the SQLite log failed (SQLite error {Code}); retried at the next tick.")]
    private static partial void LogCheckpointFailed(ILogger logger, int code, Exception exception);
}
