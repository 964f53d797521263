using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Host.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Conventions.Host.Jobs;

/// <summary>
/// <c>dotnet run --project src/Host -- restore &lt;copy.db.gz&gt;</c>: brings a copy written by the backup job back as the
/// embedded database of the configured data folder (ADR 0011). It refuses while a host runs on that folder, checks
/// the copy against its manifest's SHA-256 and with SQLite's integrity check before touching anything, and keeps the
/// database it replaces beside it (<c>conventions.db.before-restore-…</c>).
/// </summary>
internal static class RestoreCommand
{
    public static async Task<int> RunAsync(string archive, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        try
        {
            var database = HostSetup.ResolveDatabase(configuration, environment);
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                throw new RestoreRefused("This host is configured for a server database: restore it with the server's own tools (README, Backups).");
            }
            var target = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            var folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            using var hostLock = HostLock.TryAcquire(folder)
                ?? throw new RestoreRefused($"A host is running on {folder}: stop it first, then restore.");

            archive = Path.GetFullPath(archive);
            if (!File.Exists(archive) || !archive.EndsWith(BackupJob.FileExtension, StringComparison.Ordinal))
            {
                throw new RestoreRefused($"No backup copy at {archive} (a conventions-*{BackupJob.FileExtension} file of the backup job).");
            }
            await CheckManifestAsync(archive, output);

            // Unpacked beside the target, checked, then swapped in: the live file is never half written.
            var incoming = target + ".restoring";
            await using (var input = File.OpenRead(archive))
            await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
            await using (var file = File.Create(incoming))
            {
                await gzip.CopyToAsync(file);
            }
            await CheckIntegrityAsync(incoming);
            SqliteConnection.ClearAllPools();
            if (File.Exists(target))
            {
                var kept = $"{target}.before-restore-{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}";
                File.Move(target, kept);
                output.WriteLine($"The database it replaces is kept as {kept}.");
            }
            foreach (var sidecar in new[] { target + "-wal", target + "-shm" })
            {
                File.Delete(sidecar);
            }
            File.Move(incoming, target);
            output.WriteLine($"Restored {Path.GetFileName(archive)} into {target}. Start the host: it applies any newer migrations, then serves this copy.");
            return 0;
        }
        catch (RestoreRefused refused)
        {
            output.WriteLine($"Restore refused: {refused.Message}");
            return 2;
        }
    }

    private static async Task CheckManifestAsync(string archive, TextWriter output)
    {
        var manifestPath = archive[..^BackupJob.FileExtension.Length] + ".json";
        if (!File.Exists(manifestPath))
        {
            output.WriteLine($"No manifest beside the copy ({Path.GetFileName(manifestPath)}): its SHA-256 cannot be checked; its integrity is.");
            return;
        }
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            ?? throw new RestoreRefused($"{manifestPath} is not a backup manifest.");
        await using var stream = File.OpenRead(archive);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        if (!string.Equals(sha256, manifest.Sha256, StringComparison.Ordinal))
        {
            throw new RestoreRefused($"The copy's SHA-256 is {sha256}, its manifest says {manifest.Sha256}: the file is damaged or not that copy.");
        }
        output.WriteLine($"Copy taken at {manifest.TakenAt:u}, SHA-256 {sha256} as its manifest says.");
    }

    private static async Task CheckIntegrityAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if ((string?)await check.ExecuteScalarAsync() is var result && result != "ok")
        {
            File.Delete(path);
            throw new RestoreRefused($"The copy fails SQLite's integrity check: {result}");
        }
    }

    private sealed class RestoreRefused(string message) : Exception(message);
}

/// <summary>
/// An exclusive lock on <c>host.lock</c> in the data folder, held by a running host for its lifetime and released by
/// the system when it stops, even by kill -9: a restore (or an operator) can tell that the folder is in use.
/// </summary>
internal static class HostLock
{
    public static FileStream? TryAcquire(string folder)
    {
        try
        {
            var stream = new FileStream(Path.Combine(folder, "host.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write($"pid {Environment.ProcessId}, since {TimeProvider.System.GetUtcNow():u}");
            return stream;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
