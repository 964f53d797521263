using System.Data;
using System.Threading.Channels;
using Conventions.BuildingBlocks.Idempotency;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Observability;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// Group commit of new bookings (ADR 0013). Bookings checked by their requests queue here; one writer takes every
/// booking waiting and writes them in one transaction: for each, in arrival order, its session's seats decide confirmed
/// or waitlisted (counted in memory under the group's lock on SQLite and PostgreSQL, <see cref="LockedSessions"/>, ADR
/// 0027; a conditional update per booking on SQL Server, <see cref="SessionSeats"/>) and the booking is inserted with
/// its invitations; then all are committed at once. On SQLite, which has one writer and syncs its log at every commit, this turns many small transactions (each a lock hand-over
/// and an fsync) into one. Each request is answered only once its booking is committed. A batch that fails is written
/// again booking by booking, so one bad booking fails alone. On SQLite and PostgreSQL a request does not read anything
/// itself: it gives the writer how to decide its booking (<see cref="DecideBooking"/>), and the writer reads what that
/// needs: on SQLite in its own transaction, on the one connection whose page cache the commits do not reset (ADR 0026);
/// on PostgreSQL for the whole group in one round trip, before it locks the sessions (ADR 0028).
/// </summary>
internal sealed partial class BookingGroupCommit(IServiceScopeFactory scopes, ILogger<BookingGroupCommit> logger, EngineMetrics metrics, IJobTrigger jobs) : IAsyncDisposable
{
    /// <summary>The most bookings written in one transaction.</summary>
    internal const int MaxBatch = 128;

    private readonly Channel<PendingBooking> _queue = Channel.CreateUnbounded<PendingBooking>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>
    /// Takes the booking's seats if enough are left (all or none), else places it at the end of the session's waiting
    /// list, and commits it. <paramref name="booking"/> comes back with its status, confirmation time and sequence; the
    /// task gives its position on the waiting list as committed (null when confirmed). A session cancelled since the
    /// request checked it fails the booking with <c>session.cancelled</c>. <paramref name="answer"/>, when the request
    /// carries an <c>Idempotency-Key</c>, gives the record of its response from the waiting-list position; it is written
    /// in the booking's transaction, so a booking is never committed without the answer a retry will get. With
    /// <paramref name="publisherOrganizationId"/>, its <see cref="BookingChanged"/> event is written to the outbox in the
    /// same transaction (for webhooks).
    /// </summary>
    public Task<int?> WriteAsync(Booking booking, Func<int?, IdempotencyRecord>? answer = null, Guid? publisherOrganizationId = null) =>
        Enqueue(new PendingBooking(new BookingDecision(booking, answer, publisherOrganizationId)));

    /// <summary>
    /// Decides a booking with <paramref name="decide"/> from what it reads, then writes it as above; gives the booking as
    /// committed and its waiting-list position. On SQLite the writer runs <paramref name="decide"/> in its transaction,
    /// with its prepared reads, in the booking's turn (it sees the bookings written before it in the group); on PostgreSQL
    /// the writer runs it from the group's reads of each booking's <paramref name="keys"/>, fetched in one round trip
    /// (<see cref="BatchedBookingReads"/>); on SQL Server the request runs it on its own context before queueing. With
    /// <paramref name="idempotency"/> whose lookup was deferred, the key is looked up first, where the reads are: when
    /// stored, <see cref="IdempotencyKeyFound"/> and nothing written. A refusal raised by <paramref name="decide"/> fails
    /// this booking alone.
    /// </summary>
    public async Task<(Booking Booking, int? Position)> WriteAsync(TicketingDbContext requestDb, BookingKeys keys, DecideBooking decide, PendingIdempotency? idempotency, CancellationToken cancellationToken)
    {
        if (!requestDb.IsSqlite && !requestDb.IsPostgreSql)
        {
            BookingDecision decision;
            // The reads share one connection (each would otherwise take one from the pool and give it back).
            await requestDb.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                decision = await DecideAsync(new EfBookingReads(requestDb), decide, idempotency, cancellationToken);
            }
            finally
            {
                await requestDb.Database.CloseConnectionAsync();
            }
            return (decision.Booking, await Enqueue(new PendingBooking(decision)));
        }
        var pending = new PendingBooking(decide, idempotency, keys);
        var position = await Enqueue(pending);
        return (pending.Decision!.Booking, position);
    }

    private Task<int?> Enqueue(PendingBooking pending)
    {
        EnsureStarted();
        if (!_queue.Writer.TryWrite(pending))
        {
            // Shutting down: the writer loop has stopped taking work, so this request writes its booking itself.
            return WriteAloneAsync(pending);
        }
        return pending.Completion.Task;
    }

    private async Task<int?> WriteAloneAsync(PendingBooking pending)
    {
        await WriteBatchAsync([pending]);
        return await pending.Completion.Task;
    }

    /// <summary>
    /// Writes these bookings as one group, as the writer loop does with the bookings it finds waiting, and gives their
    /// waiting-list positions (null for a confirmed booking).
    /// </summary>
    internal async Task<int?[]> WriteTogetherAsync(IReadOnlyList<Booking> bookings)
    {
        var batch = bookings.Select(b => new PendingBooking(new BookingDecision(b, null, null))).ToList();
        await WriteBatchAsync(batch);
        return await Task.WhenAll(batch.Select(p => p.Completion.Task));
    }

    /// <summary>
    /// Decides and writes these bookings as one group, as the writer loop does with the requests it finds waiting (on
    /// SQLite): each decided in its turn, from reads that see the group's earlier bookings. With their
    /// <paramref name="keys"/>, read together on PostgreSQL as the requests' are. Gives each one's outcome.
    /// </summary>
    internal async Task<Task<int?>[]> WriteTogetherAsync(IReadOnlyList<DecideBooking> decisions, IReadOnlyList<BookingKeys>? keys = null)
    {
        var batch = decisions.Select((d, i) => new PendingBooking(d, null, keys?[i])).ToList();
        await WriteBatchAsync(batch);
        return [.. batch.Select(p => p.Completion.Task)];
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }
        lock (_start)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingBooking>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingBooking> batch)
    {
        int?[] positions;
        try
        {
            positions = await WriteInOneTransactionAsync(batch);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            LogBatchFailed(batch.Count, exception);
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }
            return;
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
            return;
        }
        // Committed: each request gets its outcome first, and nothing from here on can fail the group or write it again.
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Refusal is { } refusal)
            {
                batch[i].Completion.TrySetException(refusal);
            }
            else
            {
                batch[i].Completion.TrySetResult(positions[i]);
            }
        }
        try
        {
            metrics.GroupCommit(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(batch[0].QueuedAt));
            var written = Enumerable.Range(0, batch.Count).Where(i => batch[i].Refusal is null).ToList();
            metrics.Booking("waitlisted", written.Count(i => positions[i] is not null));
            metrics.Booking("confirmed", written.Count(i => positions[i] is null));
            if (written.Exists(i => batch[i].Decision!.Publisher is not null))
            {
                jobs.Trigger(JobNames.Outbox);
            }
        }
        catch (Exception exception)
        {
            LogAfterCommitFailed(batch.Count, exception);
        }
    }

    private async Task<int?[]> WriteInOneTransactionAsync(List<PendingBooking> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        if (db.IsPostgreSql)
        {
            return await WriteOnPostgreSqlAsync(db, batch);
        }
        return await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
        {
            var positions = new int?[batch.Count];
            // The reads, the seat statements and the inserts are prepared once for the group: EF's own queries and save
            // would build every booking's and invitation's command again, in the one section that cannot run in parallel.
            await using var reads = new PreparedBookingReads(db);
            await using var seats = new SessionSeats(db);
            await using var inserts = new GroupInserts(db);
            // On SQLite the group holds the one write lock: its sessions' counts are kept in memory and written once
            // (ADR 0027). SQL Server, which several hosts may share, keeps one conditional update per booking.
            var counted = db.IsSqlite ? LockedSessions.Unlocked(db) : null;
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                if (!await TryDecideAsync(pending, reads, ct))
                {
                    continue;
                }
                var booking = pending.Decision!.Booking;
                if (counted is not null)
                {
                    if (await counted.PlaceAsync(booking.SessionId, booking.Party, ct) is { } waiting)
                    {
                        booking.Wait(waiting.Sequence);
                        positions[i] = waiting.Position;
                    }
                    else
                    {
                        booking.Confirm();
                    }
                }
                else if (await seats.TryTakeAsync(booking.SessionId, booking.Party, ct))
                {
                    booking.Confirm();
                }
                else
                {
                    // The end of the list, taken on the session's row: its position is the list's new length, without
                    // counting the list (which grew with it: a count per booking made a long list quadratic).
                    var place = await seats.JoinWaitlistAsync(booking.SessionId, ct)
                        ?? throw new ConflictException("session.cancelled", "This session is cancelled.");
                    booking.Wait(place.Sequence);
                    positions[i] = place.Position;
                }
                foreach (var row in RowsOf(batch[i], positions[i]))
                {
                    await inserts.For(row).ExecuteAsync(row, ct);
                }
            }
            if (counted is not null)
            {
                await counted.SaveAsync(ct);
            }
            return positions;
        }, CancellationToken.None);
    }

    /// <summary>Stops taking bookings and writes those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} bookings failed to commit; writing them one by one.")]
    private partial void LogBatchFailed(int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "After a group of {Count} bookings was committed, its metrics or the outbox's trigger failed; the bookings stand.")]
    private partial void LogAfterCommitFailed(int count, Exception exception);
}
