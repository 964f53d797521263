using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record SessionCancelBody
{
    /// <example>Comédien principal souffrant</example>
    public string? Reason { get; init; }
}

[Transactional(IsolationLevel.Serializable)]
internal sealed record CancelSession(Guid OfferId, Guid SessionId, SessionCancelBody Body) : ICommand<SessionDto>;

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() => RuleFor(c => c.Body.Reason).RequiredParagraphs(1000);
}

internal sealed class CancelSessionHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, TicketingNotices notices)
    : ICommandHandler<CancelSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(CancelSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (offer, session) = await TicketingAccess.PublishedSessionAsync(db, current.Actor, command.OfferId, command.SessionId, cancellationToken);
        var reason = command.Body.Reason!.Trim();
        session.Cancel(reason, now);
        var bookings = await db.Bookings.Include(b => b.Invitations).Where(b => b.SessionId == session.Id && b.Status != BookingStatus.Cancelled).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.CancelWithSession(now);
            db.Publish(BookingEvents.Changed(booking, offer.PublisherOrganizationId, BookingChange.Cancelled, now));
        }
        var starts = ParisTime.ToParis(session.StartsAt);
        await notices.PublishToAsync(db, bookings.Select(b => b.OrganizationId), "session-cancelled", $"Séance annulée : {offer.Title}",
            $"La séance de « {offer.Title} » du {French.Date(DateOnly.FromDateTime(starts.DateTime))} à {starts:HH\\hmm} est annulée ({reason}). Les réservations et invitations correspondantes sont annulées.",
            now, $"session:{session.Id:N}:cancelled", cancellationToken);
        db.Publish(new SessionCancelled(now, offer.Id, session.Id, reason, bookings.Count, offer.PublisherOrganizationId,
            bookings.Select(b => b.OrganizationId).Distinct().ToList()));
        return OfferMapping.ToDto(session);
    }
}
