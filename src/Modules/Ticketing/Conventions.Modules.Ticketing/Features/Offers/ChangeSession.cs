using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Conventions.BuildingBlocks.Rendering;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record SessionChangeBody
{
    /// <summary>The new start: every booking structure is told (last-minute information).</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>The new number of seats (a reduction cannot go below the seats already booked).</summary>
    public int? Seats { get; init; }
}

[Transactional(IsolationLevel.Serializable)]
internal sealed record ChangeSession(Guid OfferId, Guid SessionId, SessionChangeBody Body) : ICommand<SessionDto>, IConditionalCommand
{
    /// <summary>The session is read and changed through its offer: If-Match carries the offer's entity tag.</summary>
    public object Representation() => new GetOffer(OfferId);
}

internal sealed class ChangeSessionValidator : AbstractValidator<ChangeSession>
{
    public ChangeSessionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).Must(b => b.StartsAt is not null || b.Seats is not null).WithMessage("Change startsAt or seats.").OverridePropertyName("body");
        RuleFor(c => c.Body.StartsAt).Must(s => s is null || (s > clock.GetUtcNow() && s < clock.GetUtcNow().AddYears(3))).WithMessage("Must be in the future, within three years.");
        RuleFor(c => c.Body.Seats).InclusiveBetween(1, 100_000);
    }
}

internal sealed class ChangeSessionHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, TicketingNotices notices, Waitlist waitlist)
    : ICommandHandler<ChangeSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(ChangeSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (offer, session) = await TicketingAccess.PublishedSessionAsync(db, current.Actor, command.OfferId, command.SessionId, cancellationToken);
        session.EnsureChangeable(now);
        var body = command.Body;
        var changed = (body.Seats is { } seatsAsked && seatsAsked != session.Seats) || (body.StartsAt is { } startsAsked && startsAsked != session.StartsAt);
        await using var seats = new SessionSeats(db);
        if (body.Seats is { } newSeats && newSeats != session.Seats)
        {
            session.EnsureResizable(newSeats, now);
            // Applied on the row with the same condition: bookings committed since the session was read still fit.
            if (!await seats.ResizeAsync(session.Id, newSeats, cancellationToken))
            {
                await db.Entry(session).ReloadAsync(cancellationToken);
                throw Session.SeatsBelowBooked(session.Booked);
            }
            db.MarkUpdated(offer);
        }
        if (body.StartsAt is { } startsAt && startsAt != session.StartsAt)
        {
            var before = ParisTime.ToParis(session.StartsAt);
            session.Reschedule(startsAt, now);
            var bookings = await db.Bookings.Where(b => b.SessionId == session.Id && b.Status != BookingStatus.Cancelled).ToListAsync(cancellationToken);
            foreach (var booking in bookings)
            {
                booking.FollowSession(session.StartsAt);
            }
            var after = ParisTime.ToParis(session.StartsAt);
            await notices.PublishToAsync(db, bookings.Select(b => b.OrganizationId), "session-rescheduled", $"Changement d'horaire : {offer.Title}",
                $"La séance de « {offer.Title} » prévue le {French.Date(DateOnly.FromDateTime(before.DateTime))} à {before:HH\\hmm} aura lieu le {French.Date(DateOnly.FromDateTime(after.DateTime))} à {after:HH\\hmm}.",
                now, $"session:{session.Id:N}:rescheduled:{session.StartsAt.UtcTicks}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        // More seats may serve the waiting list.
        await waitlist.PromoteAsync(db, session.Id, now, cancellationToken);
        // The seat counts changed on the row, not on the entity: the answer reads them back.
        await db.Entry(session).ReloadAsync(cancellationToken);
        if (changed)
        {
            var structures = await db.Bookings.Where(b => b.SessionId == session.Id && b.Status != BookingStatus.Cancelled)
                .Select(b => b.OrganizationId).Distinct().ToListAsync(cancellationToken);
            db.Publish(new SessionChanged(now, offer.Id, session.Id, offer.PublisherOrganizationId, structures, session.StartsAt, session.Seats));
        }
        return OfferMapping.ToDto(session);
    }
}
