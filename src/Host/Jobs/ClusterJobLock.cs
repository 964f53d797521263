using System.Security.Cryptography;
using System.Text;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conventions.Host.Jobs;

/// <summary>
/// One run of a job at a time across every host on one PostgreSQL database: a session-level advisory lock on the
/// job's name, held on a connection of its own for the run. A second host asking meanwhile waits for the first to
/// finish and then finds nothing left to do (jobs are idempotent); a host killed mid-run drops its connection, and the
/// server releases the lock with it. On SQLite (one host per database file) and SQL Server the in-process gate of
/// <see cref="JobRunner"/> is the only one.
/// </summary>
internal sealed class ClusterJobLock(IOptions<DatabaseSettings> database)
{
    public async Task<IAsyncDisposable?> AcquireAsync(string jobName, CancellationToken cancellationToken)
    {
        if (database.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }
        // Outside the pool: a connection returned to it would keep the session's lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A bounded wait: a run on another host can last (background pages pause while requests are served), and
            // a Hangfire worker waiting here serves nothing else.
            await using var command = new NpgsqlCommand($"SET lock_timeout = '{(int)WaitLimit.TotalMilliseconds}ms'; SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(jobName));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await connection.DisposeAsync();
            throw new JobRunningElsewhereException(jobName);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>How long a run waits for the same job's run on another host before giving up (that run does the work).</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>A stable 64-bit key per job name (the first 8 bytes of its SHA-256).</summary>
    internal static long KeyOf(string jobName) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("conventions.job:" + jobName)), 0);
}

/// <summary>The job ran on another host for longer than <see cref="ClusterJobLock.WaitLimit"/>: this run is skipped.</summary>
internal sealed class JobRunningElsewhereException(string jobName)
    : Exception($"The job '{jobName}' is running on another host; this run is skipped (the next one comes with its schedule).");
