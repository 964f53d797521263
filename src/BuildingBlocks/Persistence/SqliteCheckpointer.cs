using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file from a connection of its own, every
/// <see cref="Interval"/> (ADR 0026). By default SQLite makes the connection whose commit takes the log past 1,000 pages
/// copy it, in that commit: the booking writer, the one section that cannot run in parallel, then spent about 40 % of its
/// commit time copying pages. A passive checkpoint here copies the same pages on another core without blocking writers
/// or readers; the log still restarts from its beginning once copied. Commits checkpoint themselves only past
/// <see cref="FallbackPages"/>, so the log stays bounded even if this loop stops.
/// </summary>
public sealed partial class SqliteCheckpointer(IOptions<DatabaseSettings> settings, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Pages (4 KiB) past which a committing connection checkpoints itself: the log's bound if this loop falls behind.</summary>
    public const int FallbackPages = 10_000;

    /// <summary>
    /// Between two checkpoints (one with nothing to copy reads a header and returns). Short, so each copies little: a
    /// checkpoint's sync of the database file delays the commits' syncs of the log while it lasts. Every 100 ms, 25–28
    /// booking groups of a load run had a commit over 8 ms; every 25 ms, 5–13.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

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
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(connection, stoppingToken);
                }
                catch (SqliteException e)
                {
                    // Busy or locked now (a restore, a backup's exclusive step): the next tick tries again.
                    LogCheckpointFailed(logger, e.SqliteErrorCode, e);
                }
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
