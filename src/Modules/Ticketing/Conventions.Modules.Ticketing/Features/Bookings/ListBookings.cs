namespace Conventions.Modules.Ticketing.Features;

internal sealed record ListBookings(Guid? SessionId, BookingStatus? Status, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<BookingDto>>;

internal sealed class ListBookingsHandler(TicketingDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListBookings, ListResponse<BookingDto>>
{
    /// <summary>The caller's organization's bookings only.</summary>
    public async ValueTask<ListResponse<BookingDto>> Handle(ListBookings query, CancellationToken cancellationToken)
    {
        var own = current.Actor.OrganizationId;
        var bookings = db.Bookings.AsNoTracking().Include(b => b.Invitations).Where(b => b.OrganizationId == own);
        if (query.SessionId is { } sessionId)
        {
            bookings = bookings.Where(b => b.SessionId == sessionId);
        }
        if (query.Status is { } status)
        {
            bookings = bookings.Where(b => b.Status == status);
        }
        if (query.UpdatedSince is { } since)
        {
            bookings = bookings.Where(b => b.UpdatedAt >= since);
        }
        // By the session's date, then by id (time-ordered: booking order, but for bookings made in the same millisecond).
        return query.Order == ListOrder.Updated
            ? await bookings.PageAsync(b => b.UpdatedAt, b => b.Id, page, b => TicketingMapping.ToDto(b), cancellationToken)
            : await bookings.PageAsync(b => b.SessionStartsAt, b => b.Id, page, b => TicketingMapping.ToDto(b), cancellationToken);
    }
}
