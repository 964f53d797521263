using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// Gives freed seats to the waiting list, in the same transaction as what freed them: the first waiting bookings whose
/// party fits are confirmed (each through the same conditional update) and their structures notified. The list is read
/// in pages, in its order, and only until the freed seats are gone: a long list costs a cancellation one page, not a
/// pass over every waiting booking.
/// </summary>
internal sealed class Waitlist(TicketingNotices notices, EngineMetrics metrics)
{
    private const int PageSize = 50;

    public async Task<int> PromoteAsync(TicketingDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read only to know when to stop: each booking's seats are still taken by the conditional update, which alone
        // decides (another host may have taken some meanwhile).
        await using var seats = new SessionSeats(db);
        var free = await seats.SeatsLeftAsync(sessionId);
        var promoted = 0;
        (long Sequence, Guid Id)? after = null;
        while (free > 0)
        {
            var page = await NextWaiting(db, sessionId, after).ToListAsync(cancellationToken);
            var served = new Queue<Booking>(WaitlistPolicy.Pick(page, b => b.Party, free));
            while (served.TryDequeue(out var booking))
            {
                var party = booking.Party;
                if (!await seats.TryTakeAsync(sessionId, party, cancellationToken))
                {
                    // Another host took seats meanwhile: serve the rest by the same policy with what is left.
                    free = await seats.SeatsLeftAsync(sessionId);
                    served = new Queue<Booking>(WaitlistPolicy.Pick(served, b => b.Party, free));
                    continue;
                }
                free -= party;
                booking.Promote(now);
                promoted++;
                var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == booking.OfferId, cancellationToken);
                db.Publish(BookingEvents.Changed(booking, offer.PublisherOrganizationId, BookingChange.Promoted, now));
                await notices.PublishToAsync(db, [booking.OrganizationId], "waitlist-confirmed", $"Réservation confirmée : {offer.Title}",
                    $"La réservation en liste d'attente pour « {offer.Title} » le {French.Date(DateOnly.FromDateTime(ParisTime.ToParis(booking.SessionStartsAt).DateTime))} est confirmée : des places se sont libérées. Les invitations nominatives sont disponibles.",
                    now, $"booking:{booking.Id:N}:confirmed", cancellationToken);
            }
            if (page.Count < PageSize)
            {
                break;
            }
            after = (page[^1].WaitlistSequence, page[^1].Id);
        }
        await seats.LeaveWaitlistAsync(sessionId, promoted, cancellationToken);
        metrics.Booking("promoted", promoted);
        return promoted;
    }

    private static IQueryable<Booking> NextWaiting(TicketingDbContext db, Guid sessionId, (long Sequence, Guid Id)? after)
    {
        var waiting = db.Bookings.Include(b => b.Invitations).Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waitlisted);
        if (after is var (sequence, id))
        {
            waiting = waiting.Where(b => b.WaitlistSequence > sequence || (b.WaitlistSequence == sequence && b.Id.CompareTo(id) > 0));
        }
        return waiting.OrderBy(b => b.WaitlistSequence).ThenBy(b => b.Id).Take(PageSize);
    }
}
