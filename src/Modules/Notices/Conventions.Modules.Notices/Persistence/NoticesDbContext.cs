using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Notices.Persistence;

internal class NoticesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "notices";

    public override string Schema => SchemaName;

    public DbSet<Notice> Notices => Set<Notice>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notice>(b =>
        {
            b.ToTable("notices");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasMaxLength(100);
            b.Property(n => n.Subject).HasMaxLength(500);
            b.Property(n => n.BodyHtml).HasMaxLength(-1);
            b.Property(n => n.DeduplicationKey).HasMaxLength(300);
            b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(n => n.SourceEventId);
            b.HasIndex(n => n.DeduplicationKey).IsUnique();
            b.HasIndex(n => new { n.Status, n.NextAttemptAt });
            // A convention's or a dispute's notices, newest first, read along these and stopped at the page's end (issue
            // 17: on the bundled SQLite a convention with a million notices sorted them all for its first page, 146 ms).
            b.HasIndex(n => new { n.ConventionId, n.CreatedAt, n.Id });
            b.HasIndex(n => new { n.DisputeId, n.CreatedAt, n.Id });
            // The list's order (newest first, and the sync order): without it a page sorted every notice (issue 17's scale run).
            b.HasIndex(n => new { n.CreatedAt, n.Id });
            b.OwnsMany(n => n.Recipients, r =>
            {
                r.ToTable("notice_recipients");
                r.WithOwner().HasForeignKey("NoticeId");
                r.HasKey(x => x.Id);
                r.Property(x => x.Name).HasMaxLength(200);
                r.Property(x => x.Email).HasMaxLength(320);
                r.Property(x => x.LastError).HasMaxLength(1000);
            });
            b.OwnsMany(n => n.Audience, a =>
            {
                a.ToTable("notice_audience");
                a.WithOwner().HasForeignKey("NoticeId");
                a.HasKey("NoticeId", nameof(NoticeAudience.OrganizationId));
                // An organization's notices, newest first, read along this index and stopped at the page's end (issue
                // 17: through the notices' own order, a structure's first page sorted its thousand notices).
                a.HasIndex(nameof(NoticeAudience.OrganizationId), nameof(NoticeAudience.CreatedAt), "NoticeId");
            });
        });
    }
}

internal sealed class SqliteNoticesDbContext(DbContextOptions<SqliteNoticesDbContext> options) : NoticesDbContext(options);

internal sealed class SqlServerNoticesDbContext(DbContextOptions<SqlServerNoticesDbContext> options) : NoticesDbContext(options);

internal sealed class PostgreSqlNoticesDbContext(DbContextOptions<PostgreSqlNoticesDbContext> options) : NoticesDbContext(options);

internal sealed class SqliteNoticesDesignFactory : IDesignTimeDbContextFactory<SqliteNoticesDbContext>
{
    public SqliteNoticesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteNoticesDbContext>(DatabaseProvider.Sqlite, NoticesDbContext.SchemaName));
}

internal sealed class SqlServerNoticesDesignFactory : IDesignTimeDbContextFactory<SqlServerNoticesDbContext>
{
    public SqlServerNoticesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerNoticesDbContext>(DatabaseProvider.SqlServer, NoticesDbContext.SchemaName));
}

internal sealed class PostgreSqlNoticesDesignFactory : IDesignTimeDbContextFactory<PostgreSqlNoticesDbContext>
{
    public PostgreSqlNoticesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlNoticesDbContext>(DatabaseProvider.PostgreSql, NoticesDbContext.SchemaName));
}
