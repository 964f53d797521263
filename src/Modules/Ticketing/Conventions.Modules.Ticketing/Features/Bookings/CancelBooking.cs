using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>Cancels a whole booking (all its invitations at once) or one guest's or companion's invitation.</summary>
internal sealed record CancelBooking(Guid BookingId, Guid? InvitationId) : ICommand<BookingDto>;

internal sealed class CancelBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, Waitlist waitlist) : ICommandHandler<CancelBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            var booking = await TicketingAccess.BookingAsync(db, command.BookingId, ct);
            TicketingAccess.EnsureOwnBooking(current.Actor, booking);
            var cancellation = command.InvitationId is { } invitationId
                ? booking.CancelInvitation(invitationId, now)
                : booking.Cancel(now);
            if (cancellation.LeftWaitingList)
            {
                await Waitlist.LeaveAsync(db, booking.SessionId, 1, ct);
            }
            await db.SaveChangesAsync(ct);
            if (cancellation.FreedSeats > 0)
            {
                await Seats.GiveBackAsync(db, booking.SessionId, cancellation.FreedSeats, ct);
                await waitlist.PromoteAsync(db, booking.SessionId, now, ct);
            }
            return TicketingMapping.ToDto(booking);
        }, cancellationToken);
    }
}
