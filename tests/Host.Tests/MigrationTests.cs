using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Host.Tests;

/// <summary>
/// Each module has migrations for SQLite, SQL Server and PostgreSQL. No SQL Server runs here, so its path is proven by
/// its migrations matching the model and by generating its DDL; SQLite is exercised for real by every integration test,
/// PostgreSQL by the same tests in CI's PostgreSQL lane (tests/postgres.sh).
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> DesignTimeFactories()
    {
        var data = new TheoryData<string>();
        foreach (var type in ModuleAssemblies.All().SelectMany(a => a.GetTypes()).Where(IsDesignFactory).OrderBy(t => t.FullName))
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    private static bool IsDesignFactory(Type type) =>
        !type.IsAbstract && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>));

    internal static DbContext Create(string factoryName)
    {
        var type = ModuleAssemblies.All().SelectMany(a => a.GetTypes()).Single(t => t.FullName == factoryName);
        var factory = Activator.CreateInstance(type, nonPublic: true)!;
        var method = type.GetMethod("CreateDbContext", BindingFlags.Public | BindingFlags.Instance)!;
        return (DbContext)method.Invoke(factory, [Array.Empty<string>()])!;
    }

    [Fact]
    public void Every_module_has_a_sqlite_a_sql_server_and_a_postgresql_context() =>
        Assert.All(ModuleAssemblies.All(), assembly =>
        {
            var names = assembly.GetTypes().Where(IsDesignFactory).Select(t => t.Name).ToList();
            Assert.Contains(names, n => n.StartsWith("Sqlite", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("SqlServer", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("PostgreSql", StringComparison.Ordinal));
        });

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void The_migrations_match_the_model(string factoryName)
    {
        using var context = Create(factoryName);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{factoryName}: the model has changes no migration covers. Run tools/add-migration.sh.");
    }

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void The_full_migration_script_generates(string factoryName)
    {
        using var context = Create(factoryName);

        var sqlServer = factoryName.Contains(".SqlServer", StringComparison.Ordinal);
        var postgreSql = factoryName.Contains(".PostgreSql", StringComparison.Ordinal);
        var script = context.GetService<IMigrator>().GenerateScript(
            options: sqlServer || postgreSql ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
        if (sqlServer)
        {
            var schema = context.Model.GetDefaultSchema()!;
            Assert.Contains($"CREATE SCHEMA [{schema}]", script, StringComparison.Ordinal);
            Assert.Contains($"[{schema}].[outbox]", script, StringComparison.Ordinal);
            Assert.Contains("datetimeoffset", script, StringComparison.Ordinal);
        }
        else if (postgreSql)
        {
            var schema = context.Model.GetDefaultSchema()!;
            Assert.Contains($"CREATE SCHEMA {schema}", script, StringComparison.Ordinal);
            Assert.Contains($"{schema}.outbox", script, StringComparison.Ordinal);
            Assert.Contains("timestamp with time zone", script, StringComparison.Ordinal);
            Assert.DoesNotContain("varying(-1)", script, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("CREATE TABLE \"[a-z]+_outbox\"", script);
        }
    }

    [Fact]
    public void The_waitlist_counters_migration_fills_them_from_the_bookings_already_there()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migration-{Guid.NewGuid():N}.db");
        try
        {
            using var context = Create("Conventions.Modules.Ticketing.Persistence.SqliteTicketingDesignFactory");
            context.Database.SetConnectionString($"Data Source={file};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            var migrations = context.Database.GetMigrations().ToList();
            var counters = migrations.Single(m => m.EndsWith("_SessionWaitlistCounters", StringComparison.Ordinal));
            migrator.Migrate(migrations[migrations.IndexOf(counters) - 1]);

            // A session with three waiting bookings (sequences 1, 2, 4: the third was confirmed from the list) and one
            // cancelled; another with none.
            string Id(int n) => $"00000000-0000-0000-0000-{n:D12}";
            var sql = new List<string>
            {
                $"INSERT INTO ticketing_offers VALUES ('{Id(1)}', '{Id(9)}', 'Offre', 'Show', 'Salle', 'Lyon', 'Description', 0)",
                $"INSERT INTO ticketing_sessions (Id, OfferId, StartsAt, Seats, SeatsLeft, Status) VALUES ('{Id(2)}', '{Id(1)}', 0, 10, 0, 'Scheduled'), ('{Id(3)}', '{Id(1)}', 0, 10, 10, 'Scheduled')",
            };
            var bookings = new[] { ("Waitlisted", 1), ("Waitlisted", 2), ("Confirmed", 3), ("Waitlisted", 4), ("Cancelled", 5), ("Confirmed", 0) };
            for (var i = 0; i < bookings.Length; i++)
            {
                sql.Add("INSERT INTO ticketing_bookings (Id, SessionId, OfferId, OrganizationId, BeneficiaryId, Status, SessionStartsAt, SessionWeek, CreatedAt, WaitlistSequence) " +
                    $"VALUES ('{Id(100 + i)}', '{Id(2)}', '{Id(1)}', '{Id(9)}', '{Id(8)}', '{bookings[i].Item1}', 0, '2026-11-23', 0, {bookings[i].Item2})");
            }
            foreach (var statement in sql)
            {
                context.Database.ExecuteSqlRaw(statement);
            }

            migrator.Migrate();

            var rows = context.Database.SqlQueryRaw<SessionCounters>("SELECT Waiting, WaitlistSequence FROM ticketing_sessions ORDER BY Id").ToList();
            Assert.Equal([new SessionCounters(3, 5), new SessionCounters(0, 0)], rows);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_audience_by_creation_migration_gives_each_organization_row_its_notice_instant()
    {
        var file = Path.Combine(Path.GetTempPath(), $"migration-{Guid.NewGuid():N}.db");
        try
        {
            using var context = Create("Conventions.Modules.Notices.Persistence.SqliteNoticesDesignFactory");
            context.Database.SetConnectionString($"Data Source={file};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            var migrations = context.Database.GetMigrations().ToList();
            var audience = migrations.Single(m => m.EndsWith("_AudienceByCreation", StringComparison.Ordinal));
            migrator.Migrate(migrations[migrations.IndexOf(audience) - 1]);

            // Two notices (instants as ticks, as SQLite stores them), one addressed to two organizations.
            string Id(int n) => $"00000000-0000-0000-0000-{n:D12}";
            var sql = new List<string>();
            foreach (var (notice, ticks) in new[] { (1, 638_000_000_000_000_000L), (2, 639_000_000_000_000_000L) })
            {
                sql.Add("INSERT INTO notices_notices (Id, SourceEventId, Kind, Subject, BodyHtml, Status, Attempts, CreatedAt, NextAttemptAt) " +
                    $"VALUES ('{Id(notice)}', '{Id(9)}', 'Letter', 'Objet', '<p>Lettre</p>', 'Delivered', 1, {ticks}, {ticks})");
            }
            sql.Add($"INSERT INTO notice_audience (NoticeId, OrganizationId) VALUES ('{Id(1)}', '{Id(7)}'), ('{Id(1)}', '{Id(8)}'), ('{Id(2)}', '{Id(8)}')");
            foreach (var statement in sql)
            {
                context.Database.ExecuteSqlRaw(statement);
            }

            migrator.Migrate();

            var rows = context.Database.SqlQueryRaw<long>("SELECT CreatedAt AS Value FROM notice_audience ORDER BY NoticeId, OrganizationId").ToList();
            Assert.Equal([638_000_000_000_000_000L, 638_000_000_000_000_000L, 639_000_000_000_000_000L], rows);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record SessionCounters(int Waiting, long WaitlistSequence);
}

internal static class ModuleAssemblies
{
    /// <summary>Every module implementation assembly next to the tests (Conventions.Modules.X, not its Contracts).</summary>
    public static IReadOnlyList<Assembly> All() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Conventions.Modules.*.dll")
            .Where(f => !f.EndsWith(".Contracts.dll", StringComparison.Ordinal))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .OrderBy(a => a.GetName().Name)
            .ToList();
}
