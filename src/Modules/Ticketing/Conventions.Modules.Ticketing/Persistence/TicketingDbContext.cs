using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Ticketing.Persistence;

internal class TicketingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "ticketing";

    public override string Schema => SchemaName;

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Writing> Writings => Set<Writing>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Offer>(b =>
        {
            b.ToTable("offers");
            b.HasIndex(o => o.UpdatedAt);
            b.HasKey(o => o.Id);
            b.Property(o => o.Title).HasMaxLength(300);
            b.Property(o => o.Category).HasConversion<string>().HasMaxLength(30);
            b.Property(o => o.VenueName).HasMaxLength(200);
            b.Property(o => o.City).HasMaxLength(120);
            b.Property(o => o.Description).HasMaxLength(4000);
            b.HasMany(o => o.Sessions).WithOne().HasForeignKey(s => s.OfferId);
            b.HasIndex(o => o.PublisherOrganizationId);
        });
        modelBuilder.Entity<Session>(b =>
        {
            b.ToTable("sessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.CancellationReason).HasMaxLength(1000);
            b.ToTable(t => t.HasCheckConstraint("CK_sessions_seats_left", "\"SeatsLeft\" >= 0 AND \"SeatsLeft\" <= \"Seats\""));
            b.HasIndex(s => s.StartsAt);
        });
        modelBuilder.Entity<Beneficiary>(b =>
        {
            b.ToTable("beneficiaries");
            b.HasKey(x => x.Id);
            b.Property(x => x.DisplayName).HasMaxLength(200);
            b.Property(x => x.ExternalRef).HasMaxLength(100);
            b.HasIndex(x => x.OrganizationId);
            // The retention job reads the persons not yet anonymised.
            b.HasIndex(x => new { x.AnonymisedAt, x.Id });
        });
        modelBuilder.Entity<Booking>(b =>
        {
            b.ToTable("bookings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.AttendanceComment).HasMaxLength(2000);
            b.Ignore(x => x.Party);
            b.HasMany(x => x.Invitations).WithOne().HasForeignKey(i => i.BookingId);
            b.HasIndex(x => new { x.SessionId, x.Status, x.WaitlistSequence });
            b.HasIndex(x => new { x.BeneficiaryId, x.SessionWeek });
            b.HasIndex(x => new { x.OrganizationId, x.SessionStartsAt });
            b.HasIndex(x => new { x.OrganizationId, x.UpdatedAt });
        });
        modelBuilder.Entity<Writing>(b =>
        {
            b.ToTable("writings");
            b.HasKey(w => w.Id);
            b.Property(w => w.AuthorName).HasMaxLength(40);
            b.Property(w => w.Text).HasMaxLength(Writing.MaxLength);
            b.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(w => w.ModerationReason).HasMaxLength(1000);
            b.HasIndex(w => new { w.Status, w.PublishedAt });
            b.HasIndex(w => new { w.OfferId, w.Status, w.PublishedAt });
            b.HasIndex(w => new { w.OrganizationId, w.SubmittedAt });
        });
        modelBuilder.Entity<Invitation>(b =>
        {
            b.ToTable("invitations");
            b.HasKey(x => x.Id);
            b.Property(x => x.HolderName).HasMaxLength(200);
            b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Relation).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.CompanionKind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.Code).HasMaxLength(12);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(x => x.Code).IsUnique();
        });
    }
}

internal sealed class SqliteTicketingDbContext(DbContextOptions<SqliteTicketingDbContext> options) : TicketingDbContext(options);

internal sealed class SqlServerTicketingDbContext(DbContextOptions<SqlServerTicketingDbContext> options) : TicketingDbContext(options);

internal sealed class PostgreSqlTicketingDbContext(DbContextOptions<PostgreSqlTicketingDbContext> options) : TicketingDbContext(options);

internal sealed class SqliteTicketingDesignFactory : IDesignTimeDbContextFactory<SqliteTicketingDbContext>
{
    public SqliteTicketingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteTicketingDbContext>(DatabaseProvider.Sqlite, TicketingDbContext.SchemaName));
}

internal sealed class SqlServerTicketingDesignFactory : IDesignTimeDbContextFactory<SqlServerTicketingDbContext>
{
    public SqlServerTicketingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerTicketingDbContext>(DatabaseProvider.SqlServer, TicketingDbContext.SchemaName));
}

internal sealed class PostgreSqlTicketingDesignFactory : IDesignTimeDbContextFactory<PostgreSqlTicketingDbContext>
{
    public PostgreSqlTicketingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlTicketingDbContext>(DatabaseProvider.PostgreSql, TicketingDbContext.SchemaName));
}
