using Conventions.BuildingBlocks.Caching;
using Conventions.Modules.Conventions.Features;
using System.Text.Json;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conventions.Modules.Conventions.Persistence;

internal class ConventionsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "conventions";

    public override string Schema => SchemaName;

    public DbSet<Convention> Conventions => Set<Convention>();

    public DbSet<Amendment> Amendments => Set<Amendment>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<DocumentPdf> DocumentPdfs => Set<DocumentPdf>();

    /// <summary>Conventions' standing is cached for the other modules (<see cref="StandingCache"/>).</summary>
    internal static readonly CachedDataInterceptor CachedData = new(StandingCache.Signal, tracker =>
        tracker.Entries<Convention>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted));

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Convention>(b =>
        {
            b.ToTable("conventions");
            b.HasIndex(c => c.UpdatedAt);
            b.HasKey(c => c.Id);
            b.Property(c => c.RowVersion).IsConcurrencyToken();
            b.Property(c => c.TemplateKey).HasMaxLength(100);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.RenewalPolicy).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.DisputePolicy).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Place).HasMaxLength(120);
            b.Property(c => c.DocumentHtml).HasMaxLength(-1);
            b.Property(c => c.DocumentSha256).HasMaxLength(64);
            Variables(b.Property(c => c.Variables));
            b.OwnsOne(c => c.OperatorSignatory, s =>
            {
                s.Property(x => x.FullName).HasColumnName("OperatorSignatoryName").HasMaxLength(200);
                s.Property(x => x.Title).HasColumnName("OperatorSignatoryTitle").HasMaxLength(200);
            });
            b.OwnsOne(c => c.PartnerSignatory, s =>
            {
                s.Property(x => x.FullName).HasColumnName("PartnerSignatoryName").HasMaxLength(200);
                s.Property(x => x.Title).HasColumnName("PartnerSignatoryTitle").HasMaxLength(200);
            });
            b.Navigation(c => c.OperatorSignatory).IsRequired();
            b.Navigation(c => c.PartnerSignatory).IsRequired();
            b.OwnsMany(c => c.Signatures, s =>
            {
                s.ToTable("convention_signatures");
                s.WithOwner().HasForeignKey("ConventionId");
                s.HasKey("ConventionId", nameof(Signature.Party));
                s.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
                s.Property(x => x.SignatoryName).HasMaxLength(200);
                s.Property(x => x.SignatoryTitle).HasMaxLength(200);
                s.Property(x => x.Place).HasMaxLength(120);
                SignatureEvidence(s);
            });
            b.OwnsMany(c => c.History, h =>
            {
                h.ToTable("convention_history");
                h.WithOwner().HasForeignKey("ConventionId");
                h.HasKey(x => x.Id);
                h.Property(x => x.Kind).HasMaxLength(60);
                h.Property(x => x.DocumentSha256).HasMaxLength(64);
            });
            b.HasMany(c => c.Committees).WithOne().HasForeignKey(c => c.ConventionId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(c => new { c.Status, c.NextDueOn });
            // Also ordered by id, so that a sweep reads the due conventions in pages straight from the index.
            b.HasIndex(c => new { c.NextDueOn, c.Id });
            // A party's conventions by creation then id, the list's whole order (each side of the list read along its own
            // index, Paging.PageEitherAsync): without the id, conventions made at the same instant were sorted.
            b.HasIndex(c => new { c.PartnerOrganizationId, c.CreatedAt, c.Id });
            // The list's default order (by creation): without it a page sorted every convention (issue 17's scale run).
            b.HasIndex(c => new { c.CreatedAt, c.Id });
            b.HasIndex(c => new { c.OperatorOrganizationId, c.CreatedAt, c.Id });
        });

        modelBuilder.Entity<DocumentPdf>(b =>
        {
            b.ToTable("document_pdfs");
            b.HasKey(p => p.Id);
            b.Property(p => p.HtmlSha256).HasMaxLength(64);
            b.Property(p => p.PdfSha256).HasMaxLength(64);
            b.Property(p => p.Content).HasMaxLength(-1);
            b.HasIndex(p => new { p.ConventionId, p.HtmlSha256 });
        });

        modelBuilder.Entity<Committee>(b =>
        {
            b.ToTable("committees");
            b.HasKey(c => c.Id);
            b.Property(c => c.Minutes).HasMaxLength(4000);
            b.Property(c => c.PartnerComment).HasMaxLength(2000);
        });

        modelBuilder.Entity<Amendment>(b =>
        {
            b.ToTable("amendments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Summary).HasMaxLength(2000);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.DocumentHtml).HasMaxLength(-1);
            b.Property(a => a.DocumentSha256).HasMaxLength(64);
            b.Property(a => a.ConventionSha256).HasMaxLength(64);
            Variables(b.Property(a => a.NewVariables));
            b.OwnsMany(a => a.Signatures, s =>
            {
                s.ToTable("amendment_signatures");
                s.WithOwner().HasForeignKey("AmendmentId");
                s.HasKey("AmendmentId", nameof(Signature.Party));
                s.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
                s.Property(x => x.SignatoryName).HasMaxLength(200);
                s.Property(x => x.SignatoryTitle).HasMaxLength(200);
                s.Property(x => x.Place).HasMaxLength(120);
                SignatureEvidence(s);
            });
            b.HasIndex(a => new { a.ConventionId, a.Number }).IsUnique();
            b.Property(a => a.ProposedBy).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("publications");
            b.HasKey(p => p.Id);
            b.Property(p => p.Title).HasMaxLength(300);
            b.Property(p => p.Medium).HasMaxLength(120);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.OwnsMany(p => p.Approvals, a =>
            {
                a.ToTable("publication_approvals");
                a.WithOwner().HasForeignKey("PublicationId");
                a.HasKey("PublicationId", nameof(PublicationApproval.Party));
                a.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
            });
            b.HasIndex(p => p.ConventionId);
        });
    }

    private static void Variables(PropertyBuilder<Dictionary<string, string>> property) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
                    v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
                    v => new Dictionary<string, string>(v)))
            .HasMaxLength(-1);
    /// <summary>A signature's evidence (issue 18): the key, the client, the hash of what was signed.</summary>
    private static void SignatureEvidence<TOwner>(OwnedNavigationBuilder<TOwner, Signature> s) where TOwner : class
    {
        s.Property(x => x.CredentialLabel).HasMaxLength(200);
        s.Property(x => x.ClientAddress).HasMaxLength(64);
        s.Property(x => x.UserAgent).HasMaxLength(RequestOrigin.MaxUserAgentLength);
        s.Property(x => x.DocumentSha256).HasMaxLength(64);
    }
}

internal sealed class SqliteConventionsDbContext(DbContextOptions<SqliteConventionsDbContext> options) : ConventionsDbContext(options);

internal sealed class SqlServerConventionsDbContext(DbContextOptions<SqlServerConventionsDbContext> options) : ConventionsDbContext(options);

internal sealed class PostgreSqlConventionsDbContext(DbContextOptions<PostgreSqlConventionsDbContext> options) : ConventionsDbContext(options);

internal sealed class SqliteConventionsDesignFactory : IDesignTimeDbContextFactory<SqliteConventionsDbContext>
{
    public SqliteConventionsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteConventionsDbContext>(DatabaseProvider.Sqlite, ConventionsDbContext.SchemaName));
}

internal sealed class SqlServerConventionsDesignFactory : IDesignTimeDbContextFactory<SqlServerConventionsDbContext>
{
    public SqlServerConventionsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerConventionsDbContext>(DatabaseProvider.SqlServer, ConventionsDbContext.SchemaName));
}

internal sealed class PostgreSqlConventionsDesignFactory : IDesignTimeDbContextFactory<PostgreSqlConventionsDbContext>
{
    public PostgreSqlConventionsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlConventionsDbContext>(DatabaseProvider.PostgreSql, ConventionsDbContext.SchemaName));
}
