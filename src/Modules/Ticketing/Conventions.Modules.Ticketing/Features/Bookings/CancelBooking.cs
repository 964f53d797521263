using Conventions.BuildingBlocks.Mediation;
using System.Data;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>Cancels a whole booking (all its invitations at once) or one guest's or companion's invitation.</summary>
[Transactional(IsolationLevel.ReadCommitted)]
internal sealed record CancelBooking(Guid BookingId, Guid? InvitationId) : ICommand<BookingDto>;

internal sealed class CancelBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, Waitlist waitlist, EngineMetrics metrics) : ICommandHandler<CancelBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var booking = await TicketingAccess.BookingAsync(db, command.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        var cancellation = command.InvitationId is { } invitationId
            ? booking.CancelInvitation(invitationId, now)
            : booking.Cancel(now);
        await using var seats = new SessionSeats(db);
        if (cancellation.LeftWaitingList)
        {
            await seats.LeaveWaitlistAsync(booking.SessionId, 1, cancellationToken);
        }
        if (command.InvitationId is null)
        {
            db.Publish(BookingEvents.Changed(booking, await BookingEvents.PublisherOfAsync(db, booking.OfferId, cancellationToken), BookingChange.Cancelled, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (cancellation.FreedSeats > 0)
        {
            await seats.GiveBackAsync(booking.SessionId, cancellation.FreedSeats, cancellationToken);
            await waitlist.PromoteAsync(db, booking.SessionId, now, cancellationToken);
        }
        if (command.InvitationId is null)
        {
            metrics.Booking("cancelled");
        }
        return TicketingMapping.ToDto(booking);
    }
}
