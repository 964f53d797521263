using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Conventions.Host.Jobs;

/// <summary><c>Backup:*</c>: where and when the embedded database is copied, and how many copies are kept.</summary>
internal sealed class BackupSettings
{
    /// <summary>Folder of the copies; by default <c>backups</c> under the data folder.</summary>
    public string? Directory { get; set; }

    /// <summary>Cron, Europe/Paris time (default: every night at 02:30).</summary>
    public string Cron { get; set; } = "30 2 * * *";

    /// <summary>The most recent days that keep their copy.</summary>
    public int KeepDaily { get; set; } = 7;

    /// <summary>The most recent months that keep their first copy.</summary>
    public int KeepMonthly { get; set; } = 12;
}

/// <summary>
/// The <c>backup</c> job: a consistent online copy of the SQLite database (<c>VACUUM INTO</c>, which reads one snapshot
/// while bookings go on), checked by opening it and running <c>PRAGMA integrity_check</c>, then gzipped beside a
/// manifest with its SHA-256 and the schema version of every module. Old copies are pruned: one a day for the last
/// <see cref="BackupSettings.KeepDaily"/> days, the first of each month for the last <see cref="BackupSettings.KeepMonthly"/>
/// months. A server database is backed up with its own tools: the job refuses (409 <c>backup.not_sqlite</c>).
/// </summary>
internal sealed partial class BackupJob(
    IOptions<DatabaseSettings> database,
    IOptions<BackupSettings> settings,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<BackupJob> logger) : IJob
{
    public const string FileExtension = ".db.gz";

    public string Name => JobNames.Backup;

    public string Cron => settings.Value.Cron;

    /// <summary>Not at every start: a restart is no reason for a copy (the drills restart hosts many times).</summary>
    public bool CatchUpAtStart => false;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new ConflictException("backup.not_sqlite", "This host runs on a server database: back it up with the server's own tools (README, Backups).");
        }
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var now = ParisTime.ToParis(clock.GetUtcNow());
        var name = "conventions-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var copy = Path.Combine(folder, name + ".db");
        File.Delete(copy);
        await using (var live = new SqliteConnection(database.Value.ConnectionString))
        {
            await live.OpenAsync(cancellationToken);
            await using var vacuum = live.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", copy);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        var schema = await VerifyAsync(copy, cancellationToken);
        var archive = Path.Combine(folder, name + FileExtension);
        await using (var input = File.OpenRead(copy))
        await using (var output = File.Create(archive))
        await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            await input.CopyToAsync(gzip, cancellationToken);
        }
        File.Delete(copy);
        string sha256;
        await using (var written = File.OpenRead(archive))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken));
        }
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(new BackupManifest(
            Path.GetFileName(archive), sha256, clock.GetUtcNow(), schema), ManifestJson), cancellationToken);
        var pruned = Prune(folder, DateOnly.FromDateTime(now.DateTime));
        LogBackup(logger, archive, sha256, pruned);
        return 1;
    }

    /// <summary>The copy opens, passes SQLite's integrity check, and says which migration each module is at.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> VerifyAsync(string copy, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new InvalidOperationException($"The backup copy failed its integrity check: {result}");
            }
        }
        var histories = new List<string>();
        await using (var tables = connection.CreateCommand())
        {
            // Each module's EF history table: __<module>_migrations (PersistenceRegistration).
            tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '~_~_%~_migrations' ESCAPE '~' ORDER BY name";
            await using var reader = await tables.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                histories.Add(reader.GetString(0));
            }
        }
        var schema = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in histories)
        {
            await using var last = connection.CreateCommand();
            last.CommandText = $"SELECT MAX(MigrationId) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            schema[table] = (await last.ExecuteScalarAsync(cancellationToken)) as string ?? string.Empty;
        }
        return schema;
    }

    /// <summary>Keeps the newest copy of each of the last days and the first copy of each of the last months.</summary>
    private int Prune(string folder, DateOnly today)
    {
        var copies = Directory.EnumerateFiles(folder, "conventions-*" + FileExtension)
            .Select(path => (Path: path, Taken: TakenOn(path)))
            .Where(c => c.Taken is not null)
            .Select(c => (c.Path, Taken: c.Taken!.Value))
            .OrderByDescending(c => c.Taken)
            .ToList();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in copies.GroupBy(c => DateOnly.FromDateTime(c.Taken)).Where(g => g.Key > today.AddDays(-settings.Value.KeepDaily)))
        {
            keep.Add(day.First().Path);
        }
        foreach (var month in copies.GroupBy(c => (c.Taken.Year, c.Taken.Month)).Where(g => new DateOnly(g.Key.Year, g.Key.Month, 1) > today.AddMonths(-settings.Value.KeepMonthly)))
        {
            keep.Add(month.Last().Path);
        }
        var pruned = 0;
        foreach (var (path, _) in copies.Where(c => !keep.Contains(c.Path)))
        {
            File.Delete(path);
            File.Delete(path[..^FileExtension.Length] + ".json");
            pruned++;
        }
        return pruned;
    }

    private static DateTime? TakenOn(string path) =>
        DateTime.TryParseExact(Path.GetFileName(path)["conventions-".Length..^FileExtension.Length], "yyyyMMdd-HHmmss",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken) ? taken : null;

    private string Folder() =>
        settings.Value.Directory is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(Infrastructure.HostSetup.DataDirectory(configuration, environment), "backups");

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Archive} (SHA-256 {Sha256}); {Pruned} older copies pruned")]
    private static partial void LogBackup(ILogger logger, string archive, string sha256, int pruned);
}

/// <summary>What is written beside each copy.</summary>
internal sealed record BackupManifest(string File, string Sha256, DateTimeOffset TakenAt, IReadOnlyDictionary<string, string> Schema);
