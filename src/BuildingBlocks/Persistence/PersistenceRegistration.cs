using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conventions.BuildingBlocks.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Contexts kept per module for reuse; more are created when busier, and disposed on return.</summary>
    private const int PoolSize = 256;

    /// <summary>
    /// Registers a module's context: <typeparamref name="TContext"/> resolves to the SQLite, SQL Server or PostgreSQL
    /// subclass according to <see cref="DatabaseSettings"/>, enlisted in the request's unit of work. Each subclass
    /// carries its provider's migrations and compiled model.
    /// </summary>
    /// <param name="interceptors">The module's own interceptors, beside the row versions every module gets (a
    /// <see cref="CachedDataInterceptor"/> for a module whose data a read cache holds).</param>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TSqlServer, TPostgreSql>(this IServiceCollection services, string schema, params IInterceptor[] interceptors)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgreSql : TContext
    {
        // Pooled contexts, with options built once per host: creating a context and setting up its services (EF finding
        // its internal service provider, the state manager, the connection) cost more than the queries of a small
        // request. A pooled instance is reset by EF when it goes back to the pool, and by BeginUnitOfWork below.
        services.AddDbContextPool<TSqlite>((sp, options) => Configure(options, sp.GetRequiredService<IOptions<DatabaseSettings>>().Value, schema, DatabaseProvider.Sqlite, [.. interceptors, new UpdateStampInterceptor(sp.GetRequiredService<TimeProvider>())]), PoolSize);
        services.AddDbContextPool<TSqlServer>((sp, options) => Configure(options, sp.GetRequiredService<IOptions<DatabaseSettings>>().Value, schema, DatabaseProvider.SqlServer, [.. interceptors, new UpdateStampInterceptor(sp.GetRequiredService<TimeProvider>())]), PoolSize);
        services.AddDbContextPool<TPostgreSql>((sp, options) => Configure(options, sp.GetRequiredService<IOptions<DatabaseSettings>>().Value, schema, DatabaseProvider.PostgreSql, [.. interceptors, new UpdateStampInterceptor(sp.GetRequiredService<TimeProvider>())]), PoolSize);
        services.AddScoped<TContext>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<DatabaseSettings>>().Value;
            TContext context = settings.Provider switch
            {
                DatabaseProvider.Sqlite => sp.GetRequiredService<TSqlite>(),
                DatabaseProvider.SqlServer => sp.GetRequiredService<TSqlServer>(),
                _ => sp.GetRequiredService<TPostgreSql>(),
            };
            context.BeginUnitOfWork();
            sp.GetRequiredService<UnitOfWork>().Enlist(context);
            return context;
        });
        services.AddSingleton(new ModuleDatabase(schema, typeof(TContext)));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string schema, DatabaseProvider provider, IInterceptor[]? interceptors = null)
    {
        options.AddInterceptors([ConcurrencyVersionInterceptor.Instance, .. interceptors ?? []]);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Single queries (the default, chosen explicitly): an aggregate's few collections (a convention's signatures and
            // committees, a dispute's deadlines and events) are read in one statement, one consistent snapshot.
            options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable($"__{schema}_migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(settings.ConnectionString, sql =>
            {
                sql.MigrationsHistoryTable("__migrations", schema);
                sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
                sql.EnableRetryOnFailure(3);
            });
        }
        else
        {
            // PostgreSQL: a schema per module, as on SQL Server. The retry strategy replays a whole unit (ModuleTransaction)
            // on a serialization failure (40001) or a deadlock (40P01), which serializable transactions meet under load.
            options.UseNpgsql(settings.ConnectionString, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__migrations", schema);
                npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
                npgsql.EnableRetryOnFailure(6, TimeSpan.FromMilliseconds(200), ["40001", "40P01"]);
            });
        }
        // Modules run on compiled models. Checking at each migration that the model and the migrations agree would build
        // the model from OnModelCreating (over a second of CPU at start-up); MigrationTests and CompiledModelTests check
        // it on every build instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}

/// <summary>
/// Durable SQLite: write-ahead log (set once, persistent in the file), a full sync of the log at each commit,
/// foreign keys enforced, and a wait rather than an immediate failure when another writer holds the lock. The log is
/// copied into the database file in the background (<see cref="SqliteCheckpointer"/>): a connection that commits does it
/// itself only past <see cref="SqliteCheckpointer.FallbackPages"/> pages, if the background copy ever falls behind.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private static readonly string Pragmas = $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000; PRAGMA wal_autocheckpoint={SqliteCheckpointer.FallbackPages};";

    /// <summary>
    /// The native connections already set up. These pragmas belong to the native connection, which the pool keeps
    /// across opens: setting them once per native connection rather than at every open saves a command per query.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkPrepared(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkPrepared(connection);
    }

    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

    private static void MarkPrepared(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            Prepared.AddOrUpdate(handle, Prepared);
        }
    }

    /// <summary>Turns on write-ahead logging for the database file (called once at start-up, before migrating).</summary>
    public static async Task EnableWriteAheadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}

/// <summary>Options for design-time tools (dotnet ef) and for model checks in tests: no database is contacted.</summary>
public static class DesignTime
{
    public const string SqliteConnection = "Data Source=design-time.db";
    public const string SqlServerConnection = "Server=localhost;Database=Conventions;Integrated Security=false;User Id=sa;Password=design-time;TrustServerCertificate=true";
    public const string PostgreSqlConnection = "Host=localhost;Database=conventions;Username=conventions;Password=design-time";

    public static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string schema) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var settings = new DatabaseSettings
        {
            Provider = provider,
            ConnectionString = provider switch
            {
                DatabaseProvider.Sqlite => SqliteConnection,
                DatabaseProvider.SqlServer => SqlServerConnection,
                _ => PostgreSqlConnection,
            },
        };
        PersistenceRegistration.Configure(builder, settings, schema, provider);
        return builder.Options;
    }
}
