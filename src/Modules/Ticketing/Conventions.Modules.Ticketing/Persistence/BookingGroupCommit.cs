using System.Data;
using System.Threading.Channels;
using Conventions.BuildingBlocks.Idempotency;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Outbox;
using Conventions.BuildingBlocks.Observability;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// Group commit of new bookings (ADR 0013). Bookings checked by their requests queue here; one writer takes every
/// booking waiting and writes them in one transaction: for each, in arrival order, the conditional seat update
/// (<see cref="SessionSeats"/>) decides confirmed or waitlisted and the booking is inserted with its invitations; then
/// all are committed at once. On SQLite, which has one writer and syncs its log at every commit, this turns many small transactions (each a lock hand-over
/// and an fsync) into one. Each request is answered only once its booking is committed. A batch that fails is written
/// again booking by booking, so one bad booking fails alone.
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
    public Task<int?> WriteAsync(Booking booking, Func<int?, IdempotencyRecord>? answer = null, Guid? publisherOrganizationId = null)
    {
        var pending = new PendingBooking(booking, answer, publisherOrganizationId);
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
        var batch = bookings.Select(b => new PendingBooking(b, null, null)).ToList();
        await WriteBatchAsync(batch);
        return await Task.WhenAll(batch.Select(p => p.Completion.Task));
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
        try
        {
            var positions = await WriteInOneTransactionAsync(batch);
            metrics.GroupCommit(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(batch[0].QueuedAt));
            metrics.Booking("waitlisted", positions.Count(p => p is not null));
            metrics.Booking("confirmed", positions.Count(p => p is null));
            if (batch.Exists(p => p.Publisher is not null))
            {
                jobs.Trigger(JobNames.Outbox);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(positions[i]);
            }
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            LogBatchFailed(batch.Count, exception);
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private async Task<int?[]> WriteInOneTransactionAsync(List<PendingBooking> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        return await ModuleTransaction.RunAsync(db, IsolationLevel.ReadCommitted, async ct =>
        {
            if (MappedTable.Of<Session>(db).IsPostgreSql)
            {
                return await WriteLockedAsync(db, batch, ct);
            }
            var positions = new int?[batch.Count];
            // The seat statements and the inserts are prepared once for the group: EF's own save would build and order
            // every booking's and invitation's command again, in the one section that cannot run in parallel.
            await using var seats = new SessionSeats(db);
            await using var inserts = new GroupInserts(db);
            for (var i = 0; i < batch.Count; i++)
            {
                var booking = batch[i].Booking;
                if (await seats.TryTakeAsync(booking.SessionId, booking.Party, ct))
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
            return positions;
        }, CancellationToken.None);
    }

    /// <summary>
    /// The rows a decided booking writes, in order: the booking, its invitations, its change for the seat figures, its event (for webhooks, when the
    /// request named the offer's publisher) and the answer to its <c>Idempotency-Key</c> (from its waiting position).
    /// </summary>
    private static IEnumerable<object> RowsOf(PendingBooking pending, int? position)
    {
        var booking = pending.Booking;
        yield return booking;
        foreach (var invitation in booking.Invitations)
        {
            yield return invitation;
        }
        yield return SeatFigureChange.Of(booking);
        if (pending.Publisher is { } publisher)
        {
            var change = booking.Status == BookingStatus.Confirmed ? BookingChange.Confirmed : BookingChange.Waitlisted;
            yield return OutboxMessage.From(Features.BookingEvents.Changed(booking, publisher, change, booking.CreatedAt));
        }
        if (pending.Answer is { } answer)
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
    /// The group on PostgreSQL: its sessions locked and read once, every booking decided in memory, then the inserts
    /// and the sessions' new counts in one batch (<see cref="LockedSessions"/>): the hot row is held for two round trips.
    /// </summary>
    private static async Task<int?[]> WriteLockedAsync(TicketingDbContext db, List<PendingBooking> group, CancellationToken cancellationToken)
    {
        var positions = new int?[group.Count];
        var sessions = await LockedSessions.LockAsync(db, group.Select(p => p.Booking.SessionId), cancellationToken);
        await using var inserts = new GroupInserts(db);
        await using var batch = MappedTable.Of<Session>(db).NewBatch();
        for (var i = 0; i < group.Count; i++)
        {
            var booking = group[i].Booking;
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
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return positions;
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

    private sealed class PendingBooking(Booking booking, Func<int?, IdempotencyRecord>? answer, Guid? publisher)
    {
        public Guid? Publisher { get; } = publisher;

        public Booking Booking { get; } = booking;

        public Func<int?, IdempotencyRecord>? Answer { get; } = answer;

        public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        /// <summary>Completes with the booking's waiting-list position once committed (null when confirmed).</summary>
        public TaskCompletionSource<int?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
