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
            if (booking.Status == BookingStatus.Cancelled)
            {
                throw new ConflictException("booking.already_cancelled", "This booking is already cancelled.");
            }
            if (booking.SessionStartsAt <= now)
            {
                throw new ConflictException("session.started", "Cancelling is possible until the session starts.");
            }
            var wasConfirmed = booking.Status == BookingStatus.Confirmed;
            var wasWaiting = booking.Status == BookingStatus.Waitlisted;
            int freed;
            if (command.InvitationId is { } invitationId)
            {
                var invitation = booking.Invitations.SingleOrDefault(i => i.Id == invitationId) ?? throw NotFoundException.For("invitation", invitationId);
                if (invitation.Role == InvitationRole.Beneficiary)
                {
                    throw new BusinessRuleException("booking.beneficiary_invitation", "The beneficiary's invitation goes with the booking: cancel the booking instead.");
                }
                if (invitation.Status != InvitationStatus.Valid)
                {
                    throw new ConflictException("invitation.already_cancelled", "This invitation is already cancelled.");
                }
                invitation.Status = InvitationStatus.Cancelled;
                freed = wasConfirmed ? 1 : 0;
            }
            else
            {
                freed = wasConfirmed ? booking.Party : 0;
                if (wasWaiting)
                {
                    await Waitlist.LeaveAsync(db, booking.SessionId, 1, ct);
                }
                booking.Status = BookingStatus.Cancelled;
                booking.CancelledAt = now;
                foreach (var invitation in booking.Invitations.Where(i => i.Status == InvitationStatus.Valid))
                {
                    invitation.Status = InvitationStatus.Cancelled;
                }
            }
            await db.SaveChangesAsync(ct);
            if (freed > 0)
            {
                await Seats.GiveBackAsync(db, booking.SessionId, freed, ct);
                await waitlist.PromoteAsync(db, booking.SessionId, now, ct);
            }
            return TicketingMapping.ToDto(booking);
        }, cancellationToken);
    }
}
