using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Webhooks.Persistence;

internal class WebhooksDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "webhooks";

    public override string Schema => SchemaName;

    /// <summary>Raises the subscriptions cache's signal when a subscription changes (ADR 0018).</summary>
    internal static readonly CachedDataInterceptor CachedData = new(Features.WebhookSubscriptions.Signal,
        tracker => tracker.Entries<WebhookSubscription>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted));

    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> Attempts => Set<WebhookAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookSubscription>(b =>
        {
            b.ToTable("subscriptions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Url).HasMaxLength(2000);
            b.PrimitiveCollection(s => s.EventTypes).HasMaxLength(1000);
            b.Property(s => s.Description).HasMaxLength(500);
            b.Property(s => s.ProtectedSecret).HasMaxLength(1000);
            b.Property(s => s.ProtectedPreviousSecret).HasMaxLength(1000);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.DisabledReason).HasMaxLength(500);
            b.HasIndex(s => new { s.OrganizationId, s.Status });
        });
        modelBuilder.Entity<WebhookDelivery>(b =>
        {
            b.ToTable("deliveries");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Ignore(d => d.MessageId);
            b.Property(d => d.EventType).HasMaxLength(100);
            b.Property(d => d.Payload).HasMaxLength(-1);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LastError).HasMaxLength(500);
            b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            // An event is recorded once per subscription and type, however often the outbox hands it over.
            b.HasIndex(d => new { d.SubscriptionId, d.SourceEventId, d.EventType }).IsUnique();
            b.HasIndex(d => new { d.Status, d.NextAttemptAt });
            b.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        });
        modelBuilder.Entity<WebhookAttempt>(b =>
        {
            b.ToTable("attempts");
            // Ids are the domain's (time-ordered): an attempt added to a tracked delivery is then inserted, not updated.
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Error).HasMaxLength(500);
            b.HasIndex(a => a.DeliveryId);
        });
    }
}

internal sealed class SqliteWebhooksDbContext(DbContextOptions<SqliteWebhooksDbContext> options) : WebhooksDbContext(options);

internal sealed class SqlServerWebhooksDbContext(DbContextOptions<SqlServerWebhooksDbContext> options) : WebhooksDbContext(options);

internal sealed class PostgreSqlWebhooksDbContext(DbContextOptions<PostgreSqlWebhooksDbContext> options) : WebhooksDbContext(options);

internal sealed class SqliteWebhooksDesignFactory : IDesignTimeDbContextFactory<SqliteWebhooksDbContext>
{
    public SqliteWebhooksDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteWebhooksDbContext>(DatabaseProvider.Sqlite, WebhooksDbContext.SchemaName));
}

internal sealed class SqlServerWebhooksDesignFactory : IDesignTimeDbContextFactory<SqlServerWebhooksDbContext>
{
    public SqlServerWebhooksDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerWebhooksDbContext>(DatabaseProvider.SqlServer, WebhooksDbContext.SchemaName));
}

internal sealed class PostgreSqlWebhooksDesignFactory : IDesignTimeDbContextFactory<PostgreSqlWebhooksDbContext>
{
    public PostgreSqlWebhooksDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlWebhooksDbContext>(DatabaseProvider.PostgreSql, WebhooksDbContext.SchemaName));
}
