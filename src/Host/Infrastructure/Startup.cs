using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Host.Jobs;
using Conventions.Modules.Partners.Contracts;
using Hangfire;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Conventions.Host.Infrastructure;

/// <summary>Start-up: create and migrate every module's database, create the bootstrap admin, load demo data, schedule jobs.</summary>
internal static partial class Startup
{
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Conventions.Startup");
        var settings = services.GetRequiredService<IOptions<DatabaseSettings>>().Value;

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
                // Held for the host's lifetime: a restore refuses to replace the database under a running host.
                if (Jobs.HostLock.TryAcquire(directory) is { } held)
                {
                    app.Lifetime.ApplicationStopped.Register(held.Dispose);
                }
                else
                {
                    LogFolderInUse(logger, directory);
                }
            }
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await SqlitePragmas.EnableWriteAheadLogAsync(connection, cancellationToken);
        }

        // Models are compiled (tools/compile-models.sh), but a cold start still pays for loading each module's model and
        // its migrations: a few hundred milliseconds of CPU, mostly just-in-time compilation. Do it side by side, then migrate one module after the other (SQLite has
        // one writer). Whether the model and the migrations agree is checked by the tests, not at every start
        // (PendingModelChangesWarning is ignored: checking it would build the model from OnModelCreating after all).
        await Task.WhenAll(services.GetServices<ModuleDatabase>().Select(database => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            _ = context.Model;
            _ = context.GetService<IMigrationsAssembly>().Migrations;
        }, cancellationToken)));

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
            foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                await context.Database.MigrateAsync(cancellationToken);
            }

            var bootstrapKey = app.Configuration["Conventions:BootstrapAdminKey"];
            if (!string.IsNullOrWhiteSpace(bootstrapKey))
            {
                var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnsurePlatformAdmin(bootstrapKey.Trim()), cancellationToken);
                if (created)
                {
                    LogBootstrap(logger);
                }
            }
        }

        if (app.Configuration.GetValue("Conventions:SeedDemoData", app.Environment.IsDevelopment()))
        {
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(app.Configuration["Conventions:BootstrapAdminKey"]))
            {
                lines.Add($"{"platform-admin",-15} {app.Configuration["Conventions:BootstrapAdminKey"],-24} Conventions:BootstrapAdminKey");
            }
            foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                lines.AddRange(await seeder.SeedAsync(cancellationToken));
            }
            // One line per fact: the demo keys and what was seeded.
            LogDemo(logger, "Demo data loaded; demo API keys for the X-Api-Key header follow.");
            foreach (var line in lines.SelectMany(l => l.Split(Environment.NewLine)))
            {
                LogDemo(logger, "Demo: " + line.Trim());
            }
        }

        var runner = services.GetRequiredService<JobRunner>();
        runner.RegisterRecurringJobs(services.GetRequiredService<IRecurringJobManager>());
        // Catch up at once on whatever fell due while the host was down (in-memory storage keeps no schedule).
        var trigger = services.GetRequiredService<Conventions.BuildingBlocks.Jobs.IJobTrigger>();
        foreach (var name in runner.CatchUpNames)
        {
            trigger.Trigger(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another host already runs on the data folder {Folder}: two hosts on one embedded database is not supported.")]
    private static partial void LogFolderInUse(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap platform admin from Conventions:BootstrapAdminKey.")]
    private static partial void LogBootstrap(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private static partial void LogDemo(ILogger logger, string text);
}
