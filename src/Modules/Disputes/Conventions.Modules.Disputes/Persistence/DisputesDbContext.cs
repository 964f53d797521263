using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Disputes.Persistence;

internal class DisputesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "disputes";

    public override string Schema => SchemaName;

    public DbSet<Dispute> Disputes => Set<Dispute>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Dispute>(b =>
        {
            b.ToTable("disputes");
            b.HasIndex(d => d.UpdatedAt);
            b.HasKey(d => d.Id);
            b.Property(d => d.TemplateKey).HasMaxLength(100);
            b.Property(d => d.Policy).HasConversion<string>().HasMaxLength(40);
            b.Property(d => d.Region).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.RaisedBy).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(d => d.NoticeChannel).HasConversion<string>().HasMaxLength(40);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(40);
            b.Property(d => d.Grounds).HasMaxLength(4000);
            b.Property(d => d.CitedRulesVenueName).HasMaxLength(200);
            b.Property(d => d.CitedRulesTitle).HasMaxLength(200);
            b.Property(d => d.CitedRulesSha256).HasMaxLength(64);
            b.Property(d => d.CitedRulesAcknowledgedBy).HasMaxLength(200);
            b.Property(d => d.ExplanationText).HasMaxLength(8000);
            b.Property(d => d.ResolutionSummary).HasMaxLength(4000);
            b.Property(d => d.AgreementProposedBy).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.AgreementAcceptedBy).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.AgreementProposal).HasMaxLength(8000);
            b.Property(d => d.RowVersion).IsConcurrencyToken();
            b.Property(d => d.TerminationTrackingNumber).HasMaxLength(60);
            b.OwnsMany(d => d.Deadlines, x =>
            {
                x.ToTable("dispute_deadlines");
                x.WithOwner().HasForeignKey("DisputeId");
                x.HasKey("DisputeId", nameof(DisputeDeadline.Name));
                x.Property(y => y.Name).HasConversion<string>().HasMaxLength(40);
                x.Property(y => y.Period).HasMaxLength(10);
            });
            b.OwnsMany(d => d.Events, x =>
            {
                x.ToTable("dispute_events");
                x.WithOwner().HasForeignKey("DisputeId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.Property(y => y.Kind).HasMaxLength(60);
            });
            // Also ordered by id, so that a sweep reads the due disputes in pages straight from the index.
            b.HasIndex(d => new { d.NextDueOn, d.Id });
            b.HasIndex(d => d.ConventionId);
            // Lists by creation (the default order), and a party's own disputes among a network's (issue 17).
            b.HasIndex(d => new { d.CreatedAt, d.Id });
            b.HasIndex(d => new { d.OperatorOrganizationId, d.CreatedAt, d.Id });
            b.HasIndex(d => new { d.PartnerOrganizationId, d.CreatedAt, d.Id });
        });
    }
}

internal sealed class SqliteDisputesDbContext(DbContextOptions<SqliteDisputesDbContext> options) : DisputesDbContext(options);

internal sealed class SqlServerDisputesDbContext(DbContextOptions<SqlServerDisputesDbContext> options) : DisputesDbContext(options);

internal sealed class PostgreSqlDisputesDbContext(DbContextOptions<PostgreSqlDisputesDbContext> options) : DisputesDbContext(options);

internal sealed class SqliteDisputesDesignFactory : IDesignTimeDbContextFactory<SqliteDisputesDbContext>
{
    public SqliteDisputesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteDisputesDbContext>(DatabaseProvider.Sqlite, DisputesDbContext.SchemaName));
}

internal sealed class SqlServerDisputesDesignFactory : IDesignTimeDbContextFactory<SqlServerDisputesDbContext>
{
    public SqlServerDisputesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerDisputesDbContext>(DatabaseProvider.SqlServer, DisputesDbContext.SchemaName));
}

internal sealed class PostgreSqlDisputesDesignFactory : IDesignTimeDbContextFactory<PostgreSqlDisputesDbContext>
{
    public PostgreSqlDisputesDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlDisputesDbContext>(DatabaseProvider.PostgreSql, DisputesDbContext.SchemaName));
}
