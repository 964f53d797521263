using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Idempotency;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>What the group commit is given to write, and how it decides a booking it is given undecided (ADR 0026).</summary>
internal sealed partial class BookingGroupCommit
{
    private static async ValueTask<BookingDecision> DecideAsync(IBookingReads reads, DecideBooking decide, PendingIdempotency? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is { LookupDeferred: true } && await reads.StoredAnswerAsync(idempotency.CredentialId, idempotency.Key, cancellationToken) is { } stored)
        {
            throw new IdempotencyKeyFound(stored);
        }
        return await decide(reads, cancellationToken);
    }

    /// <summary>
    /// Decides a booking the writer was given undecided, again at every attempt (a retried transaction, a group written
    /// one by one) from fresh reads; false, with its <see cref="PendingBooking.Refusal"/>, when refused.
    /// </summary>
    private static async ValueTask<bool> TryDecideAsync(PendingBooking pending, IBookingReads reads, CancellationToken cancellationToken)
    {
        pending.Refusal = null;
        if (pending.Decide is not { } decide)
        {
            return true;
        }
        try
        {
            pending.Decision = await DecideAsync(reads, decide, pending.Idempotency, cancellationToken);
            return true;
        }
        catch (Exception refusal) when (refusal is AppException or IdempotencyKeyFound)
        {
            pending.Refusal = refusal;
            return false;
        }
    }

    private sealed class PendingBooking
    {
        /// <summary>A booking decided by its request.</summary>
        public PendingBooking(BookingDecision decision) => Decision = decision;

        /// <summary>A booking the writer decides, in its turn and its transaction.</summary>
        public PendingBooking(DecideBooking decide, PendingIdempotency? idempotency, BookingKeys? keys = null) =>
            (Decide, Idempotency, Keys) = (decide, idempotency, keys);

        public DecideBooking? Decide { get; }

        /// <summary>What <see cref="Decide"/> reads, when known: read for the whole group at once on PostgreSQL.</summary>
        public BookingKeys? Keys { get; }

        public PendingIdempotency? Idempotency { get; }

        /// <summary>The booking and what is written with it; set by the writer (at each attempt) when it decides.</summary>
        public BookingDecision? Decision { get; set; }

        /// <summary>Why the writer's last attempt refused the booking (nothing written for it), or null.</summary>
        public Exception? Refusal { get; set; }

        public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        /// <summary>Completes with the booking's waiting-list position once committed (null when confirmed).</summary>
        public TaskCompletionSource<int?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// Decides a new booking from what it reads (ADR 0026): checks and builds it, or throws the refusal (an
/// <see cref="AppException"/>). Run by the writer on SQLite and PostgreSQL, by the request on SQL Server, and again at every attempt.
/// </summary>
internal delegate ValueTask<BookingDecision> DecideBooking(IBookingReads reads, CancellationToken cancellationToken);

/// <summary>
/// A decided booking and what is written with it: the answer to its <c>Idempotency-Key</c> from its waiting position,
/// and the publisher its event goes to (for webhooks).
/// </summary>
internal sealed record BookingDecision(Booking Booking, Func<int?, IdempotencyRecord>? Answer, Guid? Publisher);
