using System.Collections.Concurrent;
using System.Data;
using Conventions.BuildingBlocks.Persistence;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// Culture pour tous' seat figures, kept up to date from the bookings' changes (issue 17, ADR 0025): seats booked and
/// used and promotions per session, seats per structure and season, and the seasons each beneficiary went out in. Every
/// change of a booking leaves a <see cref="SeatFigureChange"/> in its own transaction; a refresh takes the changes
/// waiting, computes the figures of their sessions, structures and beneficiaries again from the bookings, writes them
/// and deletes the changes it read. Each key is computed again in full, never adjusted by a difference, so a refresh
/// repeated or run late gives the same figures, and the season report reads thousands of rows rather than every seat.
/// </summary>
/// <remarks>
/// Refreshes run one at a time. Each reads the changes, then computes their keys from the bookings as committed then
/// or later, then writes: a booking committed meanwhile keeps its change row, read or not, for the next refresh, so a
/// figure can be computed twice, never missed, and one refresh never writes a key from a reading older than the
/// previous refresh's. On a server database the refresh is one transaction that first locks the state row (across
/// hosts; bookings never wait for it). On SQLite, which has one writer for the whole file, refreshes queue at a gate of
/// their own in the process (one host per file), compute outside any transaction, and hold the write lock only to
/// write their rows: bookings wait for the writing, not for the computing.
/// </remarks>
internal static class SeatFigures
{
    /// <summary>Changes taken by one refresh (its keys computed and written together).</summary>
    internal const int Batch = 2_000;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    /// <summary>
    /// Takes every change waiting, <see cref="Batch"/> at a time, and gives how many it took; the first refresh after a
    /// migration or a bulk load computes every figure instead.
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
            var (count, more) = db.IsSqlite
                ? await RefreshOnSqliteAsync(db, clock, cancellationToken)
                : await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
                {
                    // The lock that orders refreshes across hosts, taken before anything is read.
                    await db.SeatFiguresStates.Where(s => s.Id == SeatFiguresState.SingleId)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.Refreshes, s => s.Refreshes + 1), ct);
                    var figures = await ComputeAsync(db, ct);
                    await WriteAsync(db, figures, clock.GetUtcNow(), ct);
                    return (figures.Changes.Count, figures.More);
                }, cancellationToken);
            taken += count;
            if (!more)
            {
                return taken;
            }
        }
    }

    private static async Task<(int Count, bool More)> RefreshOnSqliteAsync(TicketingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var gate = SqliteGates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var figures = await ComputeAsync(db, cancellationToken);
            await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
            {
                await db.SeatFiguresStates.Where(s => s.Id == SeatFiguresState.SingleId)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Refreshes, s => s.Refreshes + 1), ct);
                await WriteAsync(db, figures, clock.GetUtcNow(), ct);
                return true;
            }, cancellationToken);
            return (figures.Changes.Count, figures.More);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Reads the changes waiting (up to <see cref="Batch"/>; all of them, and every key, when the figures were never
    /// built) and computes their keys' figures from the bookings.
    /// </summary>
    private static async Task<Computed> ComputeAsync(TicketingDbContext db, CancellationToken cancellationToken)
    {
        var built = await db.SeatFiguresStates.AsNoTracking().Where(s => s.Id == SeatFiguresState.SingleId).Select(s => s.BuiltAt).SingleAsync(cancellationToken);
        if (built is null)
        {
            // Every figure from the bookings: the changes read first are those it covers (later ones wait their turn).
            var covered = await db.SeatFigureChanges.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
            return new Computed(null, null, null, await SessionsAsync(db, null, cancellationToken), await OrganizationsAsync(db, null, cancellationToken),
                await BeneficiariesAsync(db, null, cancellationToken), covered, More: false, Build: true);
        }
        var changes = await db.SeatFigureChanges.AsNoTracking().OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        var (sessions, organizations, beneficiaries) = (
            changes.Select(c => c.SessionId).Distinct().ToList(),
            changes.Select(c => c.OrganizationId).Distinct().ToList(),
            changes.Select(c => c.BeneficiaryId).Distinct().ToList());
        return changes.Count == 0
            ? new Computed([], [], [], [], [], [], [], More: false, Build: false)
            : new Computed(sessions, organizations, beneficiaries, await SessionsAsync(db, sessions, cancellationToken),
                await OrganizationsAsync(db, organizations, cancellationToken), await BeneficiariesAsync(db, beneficiaries, cancellationToken),
                changes.Select(c => c.Id).ToList(), More: changes.Count == Batch, Build: false);
    }

    /// <summary>Replaces the figures of the keys computed (all of them when built in full) and deletes the changes read.</summary>
    private static async Task WriteAsync(TicketingDbContext db, Computed figures, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (figures.Changes.Count == 0 && !figures.Build)
        {
            return;
        }
        await (figures.Sessions is { } sessions ? db.SessionSeatFigures.Where(f => EF.Parameter(sessions).Contains(f.SessionId)) : db.SessionSeatFigures)
            .ExecuteDeleteAsync(cancellationToken);
        await (figures.Organizations is { } organizations ? db.OrganizationSeasonSeats.Where(f => EF.Parameter(organizations).Contains(f.OrganizationId)) : db.OrganizationSeasonSeats)
            .ExecuteDeleteAsync(cancellationToken);
        await (figures.Beneficiaries is { } beneficiaries ? db.BeneficiarySeasons.Where(f => EF.Parameter(beneficiaries).Contains(f.BeneficiaryId)) : db.BeneficiarySeasons)
            .ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(db, figures.SessionRows, cancellationToken);
        await InsertAsync(db, figures.OrganizationRows, cancellationToken);
        await InsertAsync(db, figures.BeneficiaryRows, cancellationToken);
        if (figures.Changes.Count > 0)
        {
            await db.SeatFigureChanges.Where(c => EF.Parameter(figures.Changes).Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        var state = db.SeatFiguresStates.Where(s => s.Id == SeatFiguresState.SingleId);
        await (figures.Build
            ? state.ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshedAt, now).SetProperty(s => s.BuiltAt, now), cancellationToken)
            : state.ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshedAt, now), cancellationToken));
    }

    private static async Task<List<SessionSeatFigures>> SessionsAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
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
        return [.. rows.Values];
    }

    private static async Task<List<OrganizationSeasonSeats>> OrganizationsAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
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
        return [.. bySeason.Select(s => new OrganizationSeasonSeats { OrganizationId = s.Key.Item1, Season = s.Key.Item2, Booked = s.Value })];
    }

    private static async Task<List<BeneficiarySeason>> BeneficiariesAsync(TicketingDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
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
        return [.. seasons.Select(s => new BeneficiarySeason { BeneficiaryId = s.Item1, Season = s.Item2 })];
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

    /// <summary>
    /// A refresh's reading: the keys computed (null: every key, the figures being built in full), their rows, and the
    /// changes it covers.
    /// </summary>
    private sealed record Computed(
        List<Guid>? Sessions, List<Guid>? Organizations, List<Guid>? Beneficiaries,
        List<SessionSeatFigures> SessionRows, List<OrganizationSeasonSeats> OrganizationRows, List<BeneficiarySeason> BeneficiaryRows,
        List<Guid> Changes, bool More, bool Build);

    private sealed class SeatRow
    {
        public Guid SessionId { get; init; }

        public Guid OrganizationId { get; init; }

        public DateTimeOffset StartsAt { get; init; }

        public bool Used { get; init; }

        public long Count { get; init; }
    }
}
