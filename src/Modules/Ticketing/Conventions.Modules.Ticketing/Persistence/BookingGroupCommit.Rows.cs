using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>The rows a decided booking writes, and how a group writes them on PostgreSQL (ADR 0013, 0020).</summary>
internal sealed partial class BookingGroupCommit
{
    /// <summary>
    /// The rows a decided booking writes, in order: the booking, its invitations, its change for the seat figures, its event (for webhooks, when the
    /// request named the offer's publisher) and the answer to its <c>Idempotency-Key</c> (from its waiting position).
    /// </summary>
    private static IEnumerable<object> RowsOf(PendingBooking pending, int? position)
    {
        var (booking, answer, publisher) = pending.Decision!;
        yield return booking;
        foreach (var invitation in booking.Invitations)
        {
            yield return invitation;
        }
        yield return SeatFigureChange.Of(booking);
        if (publisher is not null)
        {
            var change = booking.Status == BookingStatus.Confirmed ? BookingChange.Confirmed : BookingChange.Waitlisted;
            yield return OutboxMessage.From(Features.BookingEvents.Changed(booking, publisher.Value, change, booking.CreatedAt));
        }
        if (answer is not null)
        {
            yield return answer(position);
        }
    }

    /// <summary>The group's inserts, one per entity type, prepared on its first row.</summary>
    private sealed class GroupInserts(DbContext db) : IAsyncDisposable
    {
        private readonly Dictionary<Type, EntityInsert> _inserts = [];

        public EntityInsert For(object row)
        {
            if (!_inserts.TryGetValue(row.GetType(), out var insert))
            {
                _inserts[row.GetType()] = insert = EntityInsert.Prepare(db, row.GetType());
            }
            return insert;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var insert in _inserts.Values)
            {
                await insert.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The group on PostgreSQL, in a transaction block of its own (ADR 0028): begun in the round trip that locks its
    /// sessions, committed in the one that writes its rows, so that the hot session's row is held for one round trip.
    /// Under the provider's retry strategy, as a module transaction is; a failure rolls the block back.
    /// </summary>
    private static Task<int?[]> WriteOnPostgreSqlAsync(TicketingDbContext db, List<PendingBooking> group) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await WriteLockedAsync(db, group, ct);
            }
            catch
            {
                await RollBackAsync(db);
                throw;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, CancellationToken.None);

    /// <summary>Ends a failed block. A broken connection ends it on the server as it closes.</summary>
    private static async Task RollBackAsync(DbContext db)
    {
        try
        {
            await using var rollback = db.Database.GetDbConnection().CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        catch (System.Data.Common.DbException)
        {
            // The connection is gone with its transaction.
        }
    }

    /// <summary>
    /// The group on PostgreSQL: its bookings decided from reads sent in one round trip (<see cref="BatchedBookingReads"/>),
    /// before its sessions are locked; then its sessions locked and read once, every booking's seats counted in memory,
    /// and the inserts, the sessions' new counts and the commit sent in one batch (<see cref="LockedSessions"/>): the hot
    /// row is held for one round trip.
    /// </summary>
    private static async Task<int?[]> WriteLockedAsync(TicketingDbContext db, List<PendingBooking> group, CancellationToken cancellationToken)
    {
        var reads = new BatchedBookingReads(db);
        foreach (var pending in group)
        {
            if (pending.Keys is { } keys)
            {
                reads.Expect(keys, pending.Idempotency);
            }
        }
        foreach (var pending in group)
        {
            if (pending.Decide is not null && await TryDecideAsync(pending, reads, cancellationToken))
            {
                reads.Decided(pending.Decision!.Booking);
            }
        }
        var positions = new int?[group.Count];
        if (group.TrueForAll(p => p.Refusal is not null))
        {
            return positions;
        }
        var sessions = await LockedSessions.LockAsync(db, group.Where(p => p.Refusal is null).Select(p => p.Decision!.Booking.SessionId), cancellationToken,
            begin: "BEGIN ISOLATION LEVEL READ COMMITTED");
        await using var inserts = new GroupInserts(db);
        await using var batch = MappedTable.Of<Session>(db).NewBatch();
        for (var i = 0; i < group.Count; i++)
        {
            if (group[i].Refusal is not null)
            {
                continue;
            }
            var booking = group[i].Decision!.Booking;
            if (sessions.Place(booking.SessionId, booking.Party) is { } place)
            {
                booking.Wait(place.Sequence);
                positions[i] = place.Position;
            }
            else
            {
                booking.Confirm();
            }
            foreach (var row in RowsOf(group[i], positions[i]))
            {
                inserts.For(row).AddTo(batch, row);
            }
        }
        sessions.AddUpdates(batch);
        var commit = batch.CreateBatchCommand();
        commit.CommandText = "COMMIT";
        batch.BatchCommands.Add(commit);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return positions;
    }
}
