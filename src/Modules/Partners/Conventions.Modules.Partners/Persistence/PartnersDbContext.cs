using Conventions.BuildingBlocks.Caching;
using Conventions.Modules.Partners.Features;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Partners.Persistence;

internal class PartnersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "partners";

    public override string Schema => SchemaName;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<CredentialClaim> CredentialClaims => Set<CredentialClaim>();

    public DbSet<SeasonEvent> SeasonEvents => Set<SeasonEvent>();

    public DbSet<Donation> Donations => Set<Donation>();

    public DbSet<ProgramParticipant> ProgramParticipants => Set<ProgramParticipant>();

    public DbSet<OrganizationLogo> Logos => Set<OrganizationLogo>();

    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();

    /// <summary>Keys and organizations are cached for authentication (<see cref="ApiKeyCache"/>).</summary>
    internal static readonly CachedDataInterceptor CachedData = new(ApiKeyCache.Signal, tracker =>
        tracker.Entries<Credential>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
        || tracker.Entries<Organization>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
        || tracker.Entries<ProgramParticipant>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted));

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("organizations");
            b.HasIndex(o => o.UpdatedAt);
            b.HasKey(o => o.Id);
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(o => o.Phone).HasMaxLength(40);
            b.Property(o => o.Website).HasMaxLength(300);
            b.Property(o => o.Email).HasMaxLength(320);
            b.Property(o => o.SuspensionReason).HasMaxLength(1000);
            b.OwnsOne(o => o.Address, a =>
            {
                a.Property(x => x.Line1).HasColumnName("AddressLine1").HasMaxLength(300);
                a.Property(x => x.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(20);
                a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(120);
            });
            b.Navigation(o => o.Address).IsRequired();
            b.OwnsMany(o => o.Operators, op =>
            {
                op.ToTable("organization_operators");
                op.WithOwner().HasForeignKey("OrganizationId");
                op.HasKey("OrganizationId", nameof(OperatorLink.OperatorOrganizationId));
                op.HasIndex(x => x.OperatorOrganizationId);
            });
            b.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(o => o.Name);
        });

        modelBuilder.Entity<PersonalDataAccess>(b =>
        {
            b.ToTable("personal_data_access");
            b.HasKey(e => e.Id);
            b.Property(e => e.Role).HasMaxLength(40);
            b.Property(e => e.Resource).HasMaxLength(60);
            b.Property(e => e.Request).HasMaxLength(500);
            b.HasIndex(e => new { e.At, e.Id });
            b.HasIndex(e => new { e.OrganizationId, e.At, e.Id });
        });

        modelBuilder.Entity<OrganizationLogo>(b =>
        {
            b.ToTable("organization_logos");
            b.HasKey(l => l.OrganizationId);
            b.HasOne<Organization>().WithOne().HasForeignKey<OrganizationLogo>(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            b.Property(l => l.ContentType).HasMaxLength(40);
            b.Property(l => l.Content).HasMaxLength(LogoImage.MaxBytes);
            b.Property(l => l.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<Contact>(b =>
        {
            b.ToTable("contacts");
            b.HasKey(c => c.Id);
            b.Property(c => c.FullName).HasMaxLength(200);
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Email).HasMaxLength(320);
            b.Property(c => c.Phone).HasMaxLength(40);
            b.Property(c => c.Roles)
                .HasConversion(
                    roles => string.Join(',', roles),
                    text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.Parse<ContactRole>(r)).ToList(),
                    new ValueComparer<List<ContactRole>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()))
                .HasMaxLength(100);
        });

        modelBuilder.Entity<SeasonEvent>(b =>
        {
            b.ToTable("season_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.ProgramKey).HasMaxLength(40);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Title).HasMaxLength(200);
            b.Property(e => e.Description).HasMaxLength(2000);
            b.Property(e => e.Place).HasMaxLength(300);
            b.Property(e => e.DeclineReason).HasMaxLength(1000);
            b.Property(e => e.RowVersion).IsConcurrencyToken();
            b.Property(e => e.Audience)
                .HasConversion(
                    kinds => string.Join(',', kinds),
                    text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Enum.Parse<OrganizationKind>(k)).ToList(),
                    new ValueComparer<List<OrganizationKind>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, k) => HashCode.Combine(h, k)), v => v.ToList()))
                .HasMaxLength(200);
            b.HasMany(e => e.Registrations).WithOne().HasForeignKey(r => r.EventId);
            b.HasIndex(e => new { e.ProgramKey, e.StartsAt });
        });
        modelBuilder.Entity<EventRegistration>(b =>
        {
            b.ToTable("season_event_registrations");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.PersonName).HasMaxLength(200);
            b.Property(r => r.RoleInStructure).HasMaxLength(200);
            b.Property(r => r.Email).HasMaxLength(320);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(r => new { r.OrganizationId, r.EventId });
        });
        modelBuilder.Entity<CredentialClaim>(b =>
        {
            b.ToTable("credential_claims");
            b.HasKey(c => c.Id);
            b.Property(c => c.TokenHash).HasMaxLength(64);
            b.HasIndex(c => c.TokenHash).IsUnique();
            b.Property(c => c.Role).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Label).HasMaxLength(200);
            b.HasIndex(c => c.ReplacesCredentialId);
        });
        modelBuilder.Entity<Credential>(b =>
        {
            b.ToTable("credentials");
            b.HasKey(c => c.Id);
            b.Property(c => c.Role).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Label).HasMaxLength(200);
            b.Property(c => c.KeyHash).HasMaxLength(64);
            b.Property(c => c.KeyPrefix).HasMaxLength(16);
            b.Property(c => c.RowVersion).IsConcurrencyToken();
            b.HasIndex(c => c.KeyHash).IsUnique();
            b.HasIndex(c => c.OrganizationId);
        });

        modelBuilder.Entity<ProgramParticipant>(b =>
        {
            b.ToTable("program_participants");
            b.HasKey(p => new { p.ProgramKey, p.OrganizationId });
            b.Property(p => p.ProgramKey).HasMaxLength(40);
            b.HasIndex(p => p.OrganizationId);
        });

        modelBuilder.Entity<Donation>(b =>
        {
            b.ToTable("donations");
            b.HasKey(d => d.Id);
            b.Property(d => d.Method).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.ReceiptNumber).HasMaxLength(40);
            b.Property(d => d.ReceiptHtml).HasMaxLength(-1);
            b.Property(d => d.ReceiptSha256).HasMaxLength(64);
            b.HasIndex(d => d.ReceiptNumber).IsUnique();
            b.HasIndex(d => d.DonorOrganizationId);
        });
    }
}

internal sealed class SqlitePartnersDbContext(DbContextOptions<SqlitePartnersDbContext> options) : PartnersDbContext(options);

internal sealed class SqlServerPartnersDbContext(DbContextOptions<SqlServerPartnersDbContext> options) : PartnersDbContext(options);

internal sealed class PostgreSqlPartnersDbContext(DbContextOptions<PostgreSqlPartnersDbContext> options) : PartnersDbContext(options);

internal sealed class SqlitePartnersDesignFactory : IDesignTimeDbContextFactory<SqlitePartnersDbContext>
{
    public SqlitePartnersDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlitePartnersDbContext>(DatabaseProvider.Sqlite, PartnersDbContext.SchemaName));
}

internal sealed class SqlServerPartnersDesignFactory : IDesignTimeDbContextFactory<SqlServerPartnersDbContext>
{
    public SqlServerPartnersDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerPartnersDbContext>(DatabaseProvider.SqlServer, PartnersDbContext.SchemaName));
}

internal sealed class PostgreSqlPartnersDesignFactory : IDesignTimeDbContextFactory<PostgreSqlPartnersDbContext>
{
    public PostgreSqlPartnersDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlPartnersDbContext>(DatabaseProvider.PostgreSql, PartnersDbContext.SchemaName));
}
