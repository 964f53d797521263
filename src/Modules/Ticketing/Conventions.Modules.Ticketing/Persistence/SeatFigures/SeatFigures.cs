using System.Data;
using Conventions.BuildingBlocks.Persistence;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// Culture pour tous' seat figures, kept up to date from the bookings' changes (issue 17, ADR 0025): seats booked and
/// used and promotions per session, seats per structure and season, and the seasons each beneficiary went out in. Every
/// change of a booking leaves a <see cref="SeatFigureChange"/> in its own transaction; a refresh takes the changes
/// waiting, computes the figures of their sessions, structures and beneficiaries again from the bookings, and deletes
/// the changes it read. Each key is computed again in full, never adjusted by a difference, so a refresh repeated or
/// run late gives the same figures, and the season report reads thousands of rows rather than every seat.
/// </summary>
/// <remarks>
/// Refreshes run one at a time, across hosts: each first updates the state row, which holds its lock to the commit. A
/// booking committed while a refresh runs leaves its change for the next one, whether or not the refresh saw it.
/// </remarks>
internal static class SeatFigures
{
    /// <summary>Changes taken by one refresh transaction (a writer waits for it on SQLite: it stays short).</summary>
    internal const int Batch = 2_000;

    /// <summary>
    /// Takes every change waiting, in transactions of <see cref="Batch"/>, and gives how many it took; the first refresh
    /// after a migration or a bulk load computes every figure instead.
    /// </summary>
    public static async Task<int> RefreshAsync(TicketingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Nothing waiting (the usual case for a report read between two runs of the job): no write, no lock.
        if (!await db.SeatFigureChanges.AnyAsync(cancellationToken) && await db.SeatFiguresStates.AllAsync(s => s.BuiltAt != null, cancellationToken))
        {
            return 0;
        }
        var taken = 0;
        while (true)
        {
            var (count, more) = await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, ct => RefreshOnceAsync(db, clock, ct), cancellationToken);
            taken += count;
            if (!more)
            {
                return taken;
            }
        }
    }

    private static async Task<(int Count, bool More)> RefreshOnceAsync(TicketingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The lock that orders refreshes: taken before anything is read, so two refreshes never write one key from two
        // readings taken in the other order.
        await db.SeatFiguresStates.Where(s => s.Id == SeatFiguresState.SingleId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Refreshes, s => s.Refreshes + 1).SetProperty(s => s.RefreshedAt, now), cancellationToken);
        var built = await db.SeatFiguresStates.AsNoTracking().Where(s => s.Id == SeatFiguresState.SingleId).Select(s => s.BuiltAt).SingleAsync(cancellationToken);
        if (built is null)
        {
            // Every figure from the bookings: the changes read first are those it covers (later ones wait their turn).
            var covered = await db.SeatFigureChanges.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
            await ComputeAsync(db, null, null, null, cancellationToken);
            await DeleteChangesAsync(db, covered, cancellationToken);
            await db.SeatFiguresStates.Where(s => s.Id == SeatFiguresState.SingleId).ExecuteUpdateAsync(u => u.SetProperty(s => s.BuiltAt, (DateTimeOffset?)now), cancellationToken);
            return (covered.Count, false);
        }
        var changes = await db.SeatFigureChanges.AsNoTracking().OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return (0, false);
        }
        await ComputeAsync(db,
            changes.Select(c => c.SessionId).Distinct().ToList(),
            changes.Select(c => c.OrganizationId).Distinct().ToList(),
            changes.Select(c => c.BeneficiaryId).Distinct().ToList(), cancellationToken);
        await DeleteChangesAsync(db, changes.Select(c => c.Id).ToList(), cancellationToken);
        return (changes.Count, changes.Count == Batch);
    }

    /// <summary>Computes the figures of these sessions, structures and beneficiaries again (null: all of them).</summary>
    private static async Task ComputeAsync(TicketingDbContext db, List<Guid>? sessions, List<Guid>? organizations, List<Guid>? beneficiaries, CancellationToken cancellationToken)
    {
        await SessionsAsync(db, sessions, cancellationToken);
        await OrganizationsAsync(db, organizations, cancellationToken);
        await BeneficiariesAsync(db, beneficiaries, cancellationToken);
    }

    private static async Task SessionsAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var confirmed = Confirmed(db);
        if (ids is not null)
        {
            confirmed = confirmed.Where(b => EF.Parameter(ids).Contains(b.SessionId));
        }
        var seats = await (from s in Seats(db, confirmed, ids is null)
                           group s by new { s.SessionId, s.Used } into g
                           select new { g.Key.SessionId, g.Key.Used, Count = g.Sum(s => s.Count) }).ToListAsync(cancellationToken);
        var bookings = db.Bookings.AsNoTracking().Where(b => b.WaitlistSequence > 0 && b.ConfirmedAt != null);
        if (ids is not null)
        {
            bookings = bookings.Where(b => EF.Parameter(ids).Contains(b.SessionId));
        }
        var promotions = await bookings.GroupBy(b => b.SessionId).Select(g => new { SessionId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(p => p.SessionId, p => p.Count, cancellationToken);
        var rows = seats.GroupBy(s => s.SessionId).ToDictionary(g => g.Key, g => new SessionSeatFigures
        {
            SessionId = g.Key,
            Booked = g.Sum(s => s.Count),
            Used = g.Where(s => s.Used).Sum(s => s.Count),
            Promotions = promotions.GetValueOrDefault(g.Key),
        });
        foreach (var (id, count) in promotions.Where(p => !rows.ContainsKey(p.Key)))
        {
            rows[id] = new SessionSeatFigures { SessionId = id, Promotions = count };
        }
        var existing = ids is null ? db.SessionSeatFigures : db.SessionSeatFigures.Where(f => EF.Parameter(ids).Contains(f.SessionId));
        await existing.ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(db, rows.Values, cancellationToken);
    }

    private static async Task OrganizationsAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var confirmed = Confirmed(db);
        if (ids is not null)
        {
            confirmed = confirmed.Where(b => EF.Parameter(ids).Contains(b.OrganizationId));
        }
        // Seats per structure and session start (the season is the start's, in Paris), summed by season here.
        var seats = from s in Seats(db, confirmed, ids is null)
                    group s by new { s.OrganizationId, s.StartsAt } into g
                    select new { g.Key.OrganizationId, g.Key.StartsAt, Count = g.Sum(s => s.Count) };
        var bySeason = new Dictionary<(Guid, int), long>();
        await foreach (var row in seats.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (row.OrganizationId, Seasons.YearOf(row.StartsAt));
            bySeason[key] = bySeason.GetValueOrDefault(key) + row.Count;
        }
        var existing = ids is null ? db.OrganizationSeasonSeats : db.OrganizationSeasonSeats.Where(f => EF.Parameter(ids).Contains(f.OrganizationId));
        await existing.ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(db, bySeason.Select(s => new OrganizationSeasonSeats { OrganizationId = s.Key.Item1, Season = s.Key.Item2, Booked = s.Value }), cancellationToken);
    }

    private static async Task BeneficiariesAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var confirmed = Confirmed(db);
        if (ids is not null)
        {
            confirmed = confirmed.Where(b => EF.Parameter(ids).Contains(b.BeneficiaryId));
        }
        var seasons = new HashSet<(Guid, int)>();
        await foreach (var row in confirmed.Select(b => new { b.BeneficiaryId, b.SessionStartsAt }).Distinct().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            seasons.Add((row.BeneficiaryId, Seasons.YearOf(row.SessionStartsAt)));
        }
        var existing = ids is null ? db.BeneficiarySeasons : db.BeneficiarySeasons.Where(f => EF.Parameter(ids).Contains(f.BeneficiaryId));
        await existing.ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(db, seasons.Select(s => new BeneficiarySeason { BeneficiaryId = s.Item1, Season = s.Item2 }), cancellationToken);
    }

    private static IQueryable<Booking> Confirmed(TicketingDbContext db) => db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Confirmed);

    /// <summary>
    /// The seats (invitations not cancelled) of these bookings, counted per booking and use. For every booking, seats are
    /// first counted along the invitations' booking index and then joined to the bookings (a join then a grouping of
    /// every seat took three times as long); for a few, each booking's invitations are read by its key.
    /// </summary>
    private static IQueryable<SeatRow> Seats(TicketingDbContext db, IQueryable<Booking> bookings, bool all)
    {
        var seats = db.Invitations.AsNoTracking().Where(i => i.Status != InvitationStatus.Cancelled);
        if (all)
        {
            return from i in seats.GroupBy(i => new { i.BookingId, Used = i.Status == InvitationStatus.Attended })
                       .Select(g => new { g.Key.BookingId, g.Key.Used, Count = g.LongCount() })
                   join b in bookings on i.BookingId equals b.Id
                   select new SeatRow { SessionId = b.SessionId, OrganizationId = b.OrganizationId, StartsAt = b.SessionStartsAt, Used = i.Used, Count = i.Count };
        }
        return from b in bookings
               join i in seats on b.Id equals i.BookingId
               select new SeatRow { SessionId = b.SessionId, OrganizationId = b.OrganizationId, StartsAt = b.SessionStartsAt, Used = i.Status == InvitationStatus.Attended, Count = 1L };
    }

    private static Task DeleteChangesAsync(TicketingDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : db.SeatFigureChanges.Where(c => EF.Parameter(ids).Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Inserts the computed rows in saves of a few thousand, forgetting each once written.</summary>
    private static async Task InsertAsync<T>(TicketingDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        foreach (var chunk in rows.Chunk(5_000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private sealed class SeatRow
    {
        public Guid SessionId { get; init; }

        public Guid OrganizationId { get; init; }

        public DateTimeOffset StartsAt { get; init; }

        public bool Used { get; init; }

        public long Count { get; init; }
    }
}
