using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>Changing an invitation's holder: refused to everyone (invitations are nominative), after the usual access check.</summary>
internal sealed record ChangeInvitationHolder(Guid BookingId, Guid InvitationId) : IQuery<ProblemHttpResult>;

internal sealed class ChangeInvitationHolderHandler(TicketingDbContext db, ICurrentActor current) : IQueryHandler<ChangeInvitationHolder, ProblemHttpResult>
{
    public async ValueTask<ProblemHttpResult> Handle(ChangeInvitationHolder query, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, query.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        throw new BusinessRuleException("booking.invitation_nominative", "Invitations are nominative and cannot be given to someone else: cancel this one and book again.");
    }
}
