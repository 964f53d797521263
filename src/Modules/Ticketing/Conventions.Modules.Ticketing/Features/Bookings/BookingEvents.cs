
namespace Conventions.Modules.Ticketing.Features;

/// <summary>The integration events of a booking's life (webhooks carry them to the structure and, counted, to the publisher).</summary>
internal static class BookingEvents
{
    public static BookingChanged Changed(Booking booking, Guid publisherOrganizationId, BookingChange change, DateTimeOffset now) =>
        new(now, booking.Id, booking.SessionId, booking.OfferId, booking.OrganizationId, publisherOrganizationId, change,
            change == BookingChange.Cancelled ? booking.Invitations.Count : booking.Party, booking.SessionStartsAt);

    /// <summary>The publisher of a booking's offer (a booking keeps its offer's id, not its publisher).</summary>
    public static Task<Guid> PublisherOfAsync(TicketingDbContext db, Guid offerId, CancellationToken cancellationToken) =>
        db.Offers.Where(o => o.Id == offerId).Select(o => o.PublisherOrganizationId).SingleAsync(cancellationToken);
}
