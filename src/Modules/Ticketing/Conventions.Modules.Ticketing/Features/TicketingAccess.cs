namespace Conventions.Modules.Ticketing.Features;

internal static class TicketingAccess
{
    /// <summary>A social partner's own bookings: its staff (not visitor codes) and the platform.</summary>
    public static void EnsureOwnBooking(Actor actor, Booking booking)
    {
        if (!(actor.SeesEverything || (actor.OrganizationId == booking.OrganizationId && actor.Is(Role.Booker, Role.Partner))))
        {
            throw new ForbiddenException("booking.forbidden", "This booking belongs to another organization.");
        }
    }

    /// <summary>The Billetterie solidaire is Culture pour tous's: its operators act on every offer, nobody else's.</summary>
    public const string Program = ProgramKeys.CulturePourTous;

    /// <summary>The offer's publisher, the operators of Culture pour tous, and the platform.</summary>
    public static void EnsurePublisher(Actor actor, Offer offer)
    {
        if (!(actor.Operates(Program) || actor.IsStaffOf(offer.PublisherOrganizationId, Role.Publisher)))
        {
            throw new ForbiddenException("offer.forbidden", "Only the offer's publisher (or the operator of Culture pour tous) may change it.");
        }
    }

    /// <summary>An offer's session, for its publisher (or the operator) to change: 404 for either unknown, 403 for others.</summary>
    public static async Task<(Offer Offer, Session Session)> PublishedSessionAsync(TicketingDbContext db, Actor actor, Guid offerId, Guid sessionId, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken) ?? throw NotFoundException.For("offer", offerId);
        EnsurePublisher(actor, offer);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OfferId == offer.Id, cancellationToken)
            ?? throw NotFoundException.For("session", sessionId);
        return (offer, session);
    }

    public static async Task<Booking> BookingAsync(TicketingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Bookings.Include(b => b.Invitations).SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw NotFoundException.For("booking", id);

    public static async Task<int> WaitlistPositionAsync(TicketingDbContext db, Booking booking, CancellationToken cancellationToken) =>
        await db.Bookings.CountAsync(b => b.SessionId == booking.SessionId && b.Status == BookingStatus.Waitlisted
            && (b.WaitlistSequence < booking.WaitlistSequence || (b.WaitlistSequence == booking.WaitlistSequence && b.Id.CompareTo(booking.Id) < 0)), cancellationToken) + 1;
}
