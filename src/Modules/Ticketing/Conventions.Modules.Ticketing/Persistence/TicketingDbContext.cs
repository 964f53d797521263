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

    public DbSet<SeatFigureChange> SeatFigureChanges => Set<SeatFigureChange>();

    public DbSet<SessionSeatFigures> SessionSeatFigures => Set<SessionSeatFigures>();

    public DbSet<OrganizationSeasonSeats> OrganizationSeasonSeats => Set<OrganizationSeasonSeats>();

    public DbSet<BeneficiarySeason> BeneficiarySeasons => Set<BeneficiarySeason>();

    public DbSet<SeatFiguresState> SeatFiguresStates => Set<SeatFiguresState>();

    /// <summary>
    /// Every booking this save adds or changes, itself or through its invitations, leaves a change for the seat figures
    /// (<see cref="SeatFigures"/>), written with it. The booking writer, which inserts without the model, adds its own.
    /// </summary>
    protected override async ValueTask OnSavingAsync(CancellationToken cancellationToken)
    {
        var changed = new Dictionary<Guid, Booking>();
        HashSet<Guid>? throughInvitations = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is Booking booking && entry.State is EntityState.Added or EntityState.Modified)
            {
                changed[booking.Id] = booking;
            }
            else if (entry.Entity is Invitation invitation && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (throughInvitations ??= []).Add(invitation.BookingId);
            }
        }
        foreach (var id in throughInvitations ?? [])
        {
            // Invitations change through their booking, which is then tracked; read by its key otherwise.
            if (!changed.ContainsKey(id) && await Bookings.FindAsync([id], cancellationToken) is { } booking)
            {
                changed[id] = booking;
            }
        }
        foreach (var booking in changed.Values)
        {
            SeatFigureChanges.Add(SeatFigureChange.Of(booking));
        }
    }

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
            // Status included: the week count (a booking's reasonable-use warning) reads the index alone, without a row per booking.
            b.HasIndex(x => new { x.BeneficiaryId, x.SessionWeek, x.Status });
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
        modelBuilder.Entity<SeatFigureChange>(b =>
        {
            b.ToTable("seat_figure_changes");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<SessionSeatFigures>(b =>
        {
            b.ToTable("session_seat_figures");
            b.HasKey(f => f.SessionId);
            b.Property(f => f.SessionId).ValueGeneratedNever();
        });
        modelBuilder.Entity<OrganizationSeasonSeats>(b =>
        {
            b.ToTable("organization_season_seats");
            b.HasKey(f => new { f.Season, f.OrganizationId });
            b.HasIndex(f => f.OrganizationId);
        });
        modelBuilder.Entity<BeneficiarySeason>(b =>
        {
            b.ToTable("beneficiary_seasons");
            // By beneficiary, to tell a first season (no earlier one); by season, to count a season's.
            b.HasKey(f => new { f.BeneficiaryId, f.Season });
            b.HasIndex(f => new { f.Season, f.BeneficiaryId });
        });
        modelBuilder.Entity<SeatFiguresState>(b =>
        {
            b.ToTable("seat_figures_state");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            // Not built: the first refresh computes every figure from the bookings already there.
            b.HasData(new { Id = SeatFiguresState.SingleId, Refreshes = 0L });
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
