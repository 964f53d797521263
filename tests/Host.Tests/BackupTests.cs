using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Conventions.Testing;
using Microsoft.Data.Sqlite;

namespace Host.Tests;

/// <summary>The embedded database's backup (issue 20, step 1): a verified, compressed copy, and old copies pruned.</summary>
[Trait("Database", "Sqlite")]
public sealed class BackupTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string Backups => Path.Combine(_factory.DataDirectory, "backups");

    [Fact]
    public async Task A_backup_is_a_compressed_copy_that_opens_passes_its_integrity_check_and_holds_the_data()
    {
        var admin = _factory.Admin();
        await admin.CreateOrganizationAsync("Structure sauvegardée");

        Assert.Equal(1, await _factory.RunJobAsync("backup"));

        var archive = Assert.Single(Directory.GetFiles(Backups, "*.db.gz"));
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(archive[..^".db.gz".Length] + ".json")).RootElement;
        await using (var stream = File.OpenRead(archive))
        {
            Assert.Equal(manifest.GetProperty("sha256").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
        }
        Assert.Contains(manifest.GetProperty("schema").EnumerateObject(), m => m.Name == "__partners_migrations" && m.Value.GetString()!.Length > 0);

        var restored = Path.Combine(_factory.DataDirectory, "restored.db");
        await using (var input = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        await using (var output = File.Create(restored))
        {
            await input.CopyToAsync(output);
        }
        await using var connection = new SqliteConnection($"Data Source={restored};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM partners_organizations WHERE Name = 'Structure sauvegardée'";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Old_copies_are_pruned_to_one_a_day_for_a_week_and_one_a_month_for_a_year()
    {
        // Twenty days of nightly copies, two on the last day.
        for (var day = 0; day < 20; day++)
        {
            _factory.Clock.SetParisDate(new DateOnly(2026, 12, 1).AddDays(day), new TimeOnly(2, 30));
            await _factory.RunJobAsync("backup");
        }
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 20), new TimeOnly(14, 0));
        await _factory.RunJobAsync("backup");

        var kept = Directory.GetFiles(Backups, "*.db.gz").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // 14–20 December (the 20th's latest copy), and the month's first copy (1 December).
        Assert.Equal(8, kept.Count);
        Assert.Contains("conventions-20261201-023000.db.gz", kept);
        Assert.Contains("conventions-20261220-140000.db.gz", kept);
        Assert.DoesNotContain("conventions-20261220-023000.db.gz", kept);
        Assert.DoesNotContain("conventions-20261213-023000.db.gz", kept);
        Assert.Equal(kept.Count, Directory.GetFiles(Backups, "*.json").Length);
    }
}
