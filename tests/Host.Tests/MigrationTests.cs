using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Host.Tests;

/// <summary>
/// Each module has migrations for SQLite and for SQL Server. No SQL Server runs here, so its path is proven by its
/// migrations matching the model and by generating its DDL; SQLite is exercised for real by every integration test.
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
    public void Every_module_has_a_sqlite_and_a_sql_server_context() =>
        Assert.All(ModuleAssemblies.All(), assembly =>
        {
            var names = assembly.GetTypes().Where(IsDesignFactory).Select(t => t.Name).ToList();
            Assert.Contains(names, n => n.StartsWith("Sqlite", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("SqlServer", StringComparison.Ordinal));
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
        var script = context.GetService<IMigrator>().GenerateScript(
            options: sqlServer ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
        if (sqlServer)
        {
            var schema = context.Model.GetDefaultSchema()!;
            Assert.Contains($"CREATE SCHEMA [{schema}]", script, StringComparison.Ordinal);
            Assert.Contains($"[{schema}].[outbox]", script, StringComparison.Ordinal);
            Assert.Contains("datetimeoffset", script, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("CREATE TABLE \"[a-z]+_outbox\"", script);
        }
    }
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
