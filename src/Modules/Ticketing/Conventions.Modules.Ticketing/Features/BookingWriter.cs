using System.Threading.Channels;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// Group commit of new bookings. Bookings checked by their requests queue here; one writer takes every booking waiting
/// and writes them in one transaction: for each, in arrival order, the conditional seat update decides confirmed or
/// waitlisted (seats are never read then written) and the booking is inserted with its invitations; then all are committed at once. On SQLite,
/// which has one writer and syncs its log at every commit, this turns many small transactions (each a lock hand-over
/// and an fsync) into one. Each request is answered only once its booking is committed. A batch that fails is written
/// again booking by booking, so one bad booking fails alone.
/// </summary>
internal sealed partial class BookingWriter(IServiceScopeFactory scopes, ILogger<BookingWriter> logger) : IAsyncDisposable
{
    /// <summary>The most bookings written in one transaction.</summary>
    internal const int MaxBatch = 128;

    private readonly Channel<PendingBooking> _queue = Channel.CreateUnbounded<PendingBooking>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>
    /// Takes the booking's seats if enough are left (all or none), else places it at the end of the session's waiting
    /// list, and commits it. <paramref name="booking"/> comes back with its status, confirmation time and sequence.
    /// </summary>
    public Task WriteAsync(Booking booking)
    {
        var pending = new PendingBooking(booking);
        EnsureStarted();
        if (!_queue.Writer.TryWrite(pending))
        {
            // Shutting down: the writer loop has stopped taking work, so this request writes its booking itself.
            return WriteBatchAsync([pending]);
        }
        return pending.Completion.Task;
    }

    /// <summary>Writes these bookings as one group, as the writer loop does with the bookings it finds waiting.</summary>
    internal async Task WriteTogetherAsync(IReadOnlyList<Booking> bookings)
    {
        var batch = bookings.Select(b => new PendingBooking(b)).ToList();
        await WriteBatchAsync(batch);
        await Task.WhenAll(batch.Select(p => p.Completion.Task));
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
            await WriteInOneTransactionAsync(batch);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult();
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

    private async Task WriteInOneTransactionAsync(List<PendingBooking> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            // The last waiting-list sequence of each session, read once per batch and then counted on in memory.
            var lastSequence = new Dictionary<Guid, long>();
            // The conditional seat update and the two inserts are prepared once for the group: EF's own save would build
            // and order every booking's and invitation's command again, in the one section that cannot run in parallel
            // (measured: 2.3–3.3 ms of a group's 6–8 ms; 0.01 ms this way).
            await using var seats = SeatUpdate.Prepare(db);
            await using var bookings = EntityInsert.Prepare<Booking>(db);
            await using var invitations = EntityInsert.Prepare<Invitation>(db);
            foreach (var pending in batch)
            {
                var booking = pending.Booking;
                var confirmed = await seats.TakeAsync(booking.SessionId, booking.Invitations.Count, ct);
                booking.Status = confirmed ? BookingStatus.Confirmed : BookingStatus.Waitlisted;
                booking.ConfirmedAt = confirmed ? booking.CreatedAt : null;
                booking.WaitlistSequence = 0;
                if (!confirmed)
                {
                    if (!lastSequence.TryGetValue(booking.SessionId, out var last))
                    {
                        last = await LastSequence(db, booking.SessionId) ?? 0;
                    }
                    booking.WaitlistSequence = last + 1;
                    lastSequence[booking.SessionId] = last + 1;
                }
                await bookings.ExecuteAsync(booking, ct);
                foreach (var invitation in booking.Invitations)
                {
                    invitation.BookingId = booking.Id;
                    await invitations.ExecuteAsync(invitation, ct);
                }
            }
            return 0;
        }, CancellationToken.None);
    }

    private static readonly Func<TicketingDbContext, Guid, Task<long?>> LastSequence = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid session) => db.Bookings.Where(b => b.SessionId == session && b.Status == BookingStatus.Waitlisted).Max(b => (long?)b.WaitlistSequence));

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

    private sealed class PendingBooking(Booking booking)
    {
        public Booking Booking { get; } = booking;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
