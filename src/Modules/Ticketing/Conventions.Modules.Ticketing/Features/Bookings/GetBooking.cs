namespace Conventions.Modules.Ticketing.Features;

internal sealed record GetBooking(Guid Id) : IQuery<BookingDto>;

internal sealed class GetBookingHandler(TicketingDbContext db, ICurrentActor current) : IQueryHandler<GetBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(GetBooking query, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, query.Id, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        return TicketingMapping.ToDto(booking, booking.Status == BookingStatus.Waitlisted ? await TicketingAccess.WaitlistPositionAsync(db, booking, cancellationToken) : null);
    }
}
