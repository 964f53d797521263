using Conventions.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext. A module owns its tables: a schema named after the module on SQL Server and PostgreSQL,
/// a table-name prefix on SQLite (which has no schemas). Each module also gets its own outbox and inbox tables.
/// Concrete provider subclasses (SQLite, SQL Server, PostgreSQL) carry each provider's migrations. What is not the
/// model or the outbox lives elsewhere: transactions in <see cref="ModuleTransaction"/>, row versions and cache
/// signals in interceptors (<see cref="ConcurrencyVersionInterceptor"/>, <see cref="CachedDataInterceptor"/>).
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Lower-case module name: the SQL Server schema and the SQLite table prefix.</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Responses kept for <c>Idempotency-Key</c> retries, written with the work they answer (ADR 0014).</summary>
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

    /// <summary>True on the embedded database, whose one writer and page cache some hot paths work around.</summary>
    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// True once this context saved at least one outbox message (in whichever transaction): the unit of work then asks
    /// for the outbox job at once, rather than leaving the events to the next sweep.
    /// </summary>
    public bool SavedOutboxMessages { get; private set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One pass over the tracked entities: each look at the entries in the interceptors (versions, cached data) and
        // EF's own save would otherwise detect changes again, which is what a batch of a hundred disputes with their
        // deadlines and events spends most on.
        ChangeTracker.DetectChanges();
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!ChangeTracker.HasChanges())
            {
                return 0;
            }
            await OnSavingAsync(cancellationToken);
            var writesOutbox = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            // A save outside a unit (ModuleTransaction) is a transaction of its own: on SQLite it queues at the write gate
            // too, rather than meeting a unit's lock and sleeping in SQLite's busy handler (1, 2, 5, 10 ms… : a booking
            // group that met an outbox page's save waited 18 ms). Given back however the save ends (ADR 0012, 0026).
            using var gate = Database.CurrentTransaction is null ? (await SqliteWriteGate.EnterAsync(this, cancellationToken)).Hold() : default;
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            SavedOutboxMessages |= writesOutbox;
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    /// <summary>
    /// Called as changes are saved, once they are detected and before they are written: a module adds here the rows its
    /// changes imply (Ticketing notes which report figures to compute again), in the same save and transaction.
    /// </summary>
    protected virtual ValueTask OnSavingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Forgets what an earlier unit of work did with this instance: contexts are pooled, so an instance serves many
    /// requests in turn (EF resets its own state, change tracker and connection, when it goes back to the pool).
    /// </summary>
    internal void BeginUnitOfWork() => SavedOutboxMessages = false;

    /// <summary>
    /// False until the instance is first used (EF sets its services up then, which is what costs): a context a request
    /// resolved but never touched (a handler served from a cache) has nothing to save. Pooled instances, once set up,
    /// stay so: asking them for changes is then cheap.
    /// </summary>
    public bool IsInitialized { get; private set; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        IsInitialized = true;
        base.OnConfiguring(optionsBuilder);
    }

    /// <summary>
    /// Says that a resource changed through a statement of its own (a relative <c>UPDATE</c> of seats) rather than
    /// through the model: its <see cref="ITracksUpdates.UpdatedAt"/> is stamped as the changes are saved.
    /// </summary>
    public void MarkUpdated(ITracksUpdates resource) => Entry(resource).Property(ITracksUpdates.Property).IsModified = true;

    /// <summary>Writes an integration event to this module's outbox, in the same transaction as the change.</summary>
    public void Publish(IIntegrationEvent integrationEvent) => OutboxMessages.Add(OutboxMessage.From(integrationEvent));

    /// <summary>True when a consumer already handled this event (inbox): consumers call it first and skip the event.</summary>
    public Task<bool> AlreadyHandledAsync(Guid eventId, string consumer, CancellationToken cancellationToken) =>
        InboxMessages.AnyAsync(m => m.EventId == eventId && m.Consumer == consumer, cancellationToken);

    /// <summary>Records that a consumer handled an event, saved in the same transaction as the consumer's own changes.</summary>
    public void MarkHandled(Guid eventId, string consumer, DateTimeOffset at) =>
        InboxMessages.Add(new InboxMessage { EventId = eventId, Consumer = consumer, HandledAt = at });

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);

        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(400).IsRequired();
            // An event can carry a letter (a notice's HTML): no length limit (nvarchar(max) on SQL Server).
            b.Property(m => m.Payload).IsRequired().HasMaxLength(-1);
            b.Property(m => m.LastError).HasMaxLength(2000);
            // The pending events alone, in the order they are handed over: a page of the backlog is read along this
            // index and stops after its size. An index on (ProcessedAt, NextAttemptAt) made each page sort the whole
            // backlog, and PostgreSQL does not take "ProcessedAt IS NULL" as fixing an index's first column, so an index
            // led by it cannot give the order either (docs/performance.md, 2026-12-01).
            b.HasIndex(m => new { m.OccurredAt, m.NextAttemptAt })
                .HasFilter(IsSqlite || IsPostgreSql ? "\"ProcessedAt\" IS NULL" : "[ProcessedAt] IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox");
            b.HasKey(m => new { m.EventId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(200);
        });
        modelBuilder.Entity<Idempotency.IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency");
            b.HasKey(r => new { r.CredentialId, r.Key });
            b.Property(r => r.Key).HasMaxLength(255);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.Response).HasMaxLength(-1);
            b.HasIndex(r => r.CreatedAt);
        });

        if (IsSqlite)
        {
            foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                entity.SetTableName($"{Schema}_{entity.GetTableName()}");
            }
        }
        else
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        if (IsPostgreSql)
        {
            // What SQL Server stores as nvarchar(max) (a maximum length of -1: letters, payloads) is text on PostgreSQL.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.GetMaxLength() == -1))
            {
                property.SetMaxLength(null);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset text; instants are stored as UTC ticks, which order correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }
        else
        {
            configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        }
        if (IsPostgreSql)
        {
            // timestamptz takes UTC instants only (Npgsql refuses another offset): an instant given in Paris time is
            // stored as the same instant in UTC, and read back in UTC, as on the other providers.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        }
        configurationBuilder.Properties<string>().HaveMaxLength(2000);
    }

    /// <summary>Instants in UTC on PostgreSQL (public: the modules' compiled models construct it).</summary>
    public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v.ToUniversalTime());

    /// <summary>Instants as UTC ticks on SQLite (public: the modules' compiled models construct it).</summary>
    public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
