using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Conventions.Modules.Scheduling.Persistence;

internal class SchedulingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "scheduling";

    public override string Schema => SchemaName;

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Closure> Closures => Set<Closure>();

    public DbSet<Permanence> Permanences => Set<Permanence>();

    public DbSet<Occurrence> Occurrences => Set<Occurrence>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<VisitCount> Visits => Set<VisitCount>();

    public DbSet<InternalRules> InternalRules => Set<InternalRules>();

    public DbSet<RulesAcknowledgment> RulesAcknowledgments => Set<RulesAcknowledgment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Venue>(b =>
        {
            b.ToTable("venues");
            b.HasKey(v => v.Id);
            b.Property(v => v.Name).HasMaxLength(200);
            b.Property(v => v.Line1).HasMaxLength(300);
            b.Property(v => v.PostalCode).HasMaxLength(20);
            b.Property(v => v.City).HasMaxLength(120);
            b.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VenueId);
            b.HasMany(v => v.Closures).WithOne().HasForeignKey(c => c.VenueId);
            b.OwnsMany(v => v.OpeningHours, h =>
            {
                h.ToTable("opening_hours");
                h.WithOwner().HasForeignKey("VenueId");
                h.HasKey("VenueId", nameof(OpeningHours.DayOfWeek), nameof(OpeningHours.Opens));
                h.Property(x => x.DayOfWeek).HasConversion<string>().HasMaxLength(10);
            });
        });
        modelBuilder.Entity<Room>(b =>
        {
            b.ToTable("rooms");
            b.HasKey(r => r.Id);
            b.Property(r => r.Name).HasMaxLength(120);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Closure>(b =>
        {
            b.ToTable("closures");
            b.HasKey(c => c.Id);
            b.Property(c => c.Reason).HasMaxLength(300);
        });
        modelBuilder.Entity<Permanence>(b =>
        {
            b.ToTable("permanences");
            b.HasKey(p => p.Id);
            b.Property(p => p.Semester).HasMaxLength(7);
            b.Property(p => p.DayOfWeek).HasConversion<string>().HasMaxLength(12);
            b.Property(p => p.Activity).HasConversion<string>().HasMaxLength(30);
            b.Property(p => p.Intervenant).HasMaxLength(200);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.RefusalReason).HasMaxLength(1000);
            b.HasIndex(p => p.ConventionId);
        });
        modelBuilder.Entity<Occurrence>(b =>
        {
            b.ToTable("occurrences");
            b.HasKey(o => o.Id);
            b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(o => o.Activity).HasConversion<string>().HasMaxLength(30);
            b.Property(o => o.Title).HasMaxLength(300);
            b.Property(o => o.Intervenant).HasMaxLength(200);
            b.Property(o => o.CancellationReason).HasMaxLength(1000);
            b.HasMany(o => o.Appointments).WithOne().HasForeignKey(a => a.OccurrenceId);
            b.HasIndex(o => new { o.RoomId, o.Status, o.StartsAt });
            // A venue's calendar: its page read in the index's order (start, then id) and stopped at the page's end, and its
            // range counted from the index alone, the dates tested on it (issue 17: on PostgreSQL the prepared page, planned
            // for one row, read and sorted a year's 10,000, and the count fetched them all for their dates).
            b.HasIndex(o => new { o.VenueId, o.StartsAt, o.Id, o.Date });
            b.HasIndex(o => new { o.ConventionId, o.StartsAt });
        });
        modelBuilder.Entity<Appointment>(b =>
        {
            b.ToTable("appointments");
            b.HasKey(a => a.Id);
            b.Property(a => a.PersonName).HasMaxLength(200);
            b.Property(a => a.Topic).HasMaxLength(500);
            b.Property(a => a.Email).HasMaxLength(320);
            b.Property(a => a.Phone).HasMaxLength(40);
            b.HasIndex(a => new { a.AnonymisedAt, a.OccurrenceId });
        });
        modelBuilder.Entity<VisitCount>(b =>
        {
            b.ToTable("visits");
            b.HasKey(v => v.Id);
            b.Property(v => v.Category).HasConversion<string>().HasMaxLength(30);
            b.HasIndex(v => new { v.VenueId, v.On, v.Category }).IsUnique();
        });
        modelBuilder.Entity<InternalRules>(b =>
        {
            b.ToTable("internal_rules");
            b.HasKey(r => r.Id);
            b.Property(r => r.Title).HasMaxLength(200);
            b.Property(r => r.Text).HasMaxLength(-1);
            b.Property(r => r.Sha256).HasMaxLength(64);
            // Two operators publishing at once cannot both take the same version number.
            b.HasIndex(r => new { r.VenueId, r.Version }).IsUnique();
        });
        modelBuilder.Entity<RulesAcknowledgment>(b =>
        {
            b.ToTable("rules_acknowledgments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Sha256).HasMaxLength(64);
            b.Property(a => a.AcknowledgedBy).HasMaxLength(200);
            b.Property(a => a.ClientAddress).HasMaxLength(64);
            b.HasIndex(a => new { a.RulesId, a.ConventionId }).IsUnique();
            b.HasIndex(a => new { a.ConventionId, a.AcknowledgedAt });
        });
    }
}

internal sealed class SqliteSchedulingDbContext(DbContextOptions<SqliteSchedulingDbContext> options) : SchedulingDbContext(options);

internal sealed class SqlServerSchedulingDbContext(DbContextOptions<SqlServerSchedulingDbContext> options) : SchedulingDbContext(options);

internal sealed class PostgreSqlSchedulingDbContext(DbContextOptions<PostgreSqlSchedulingDbContext> options) : SchedulingDbContext(options);

internal sealed class SqliteSchedulingDesignFactory : IDesignTimeDbContextFactory<SqliteSchedulingDbContext>
{
    public SqliteSchedulingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteSchedulingDbContext>(DatabaseProvider.Sqlite, SchedulingDbContext.SchemaName));
}

internal sealed class SqlServerSchedulingDesignFactory : IDesignTimeDbContextFactory<SqlServerSchedulingDbContext>
{
    public SqlServerSchedulingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerSchedulingDbContext>(DatabaseProvider.SqlServer, SchedulingDbContext.SchemaName));
}

internal sealed class PostgreSqlSchedulingDesignFactory : IDesignTimeDbContextFactory<PostgreSqlSchedulingDbContext>
{
    public PostgreSqlSchedulingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlSchedulingDbContext>(DatabaseProvider.PostgreSql, SchedulingDbContext.SchemaName));
}
