using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record GetCounterMark(Guid InvitationId) : IQuery<string>;

internal sealed class GetCounterMarkHandler(TicketingDbContext db, ICurrentActor current, DocumentRenderer renderer) : IQueryHandler<GetCounterMark, string>
{
    private static readonly TemplateRef Template = new(typeof(GetCounterMarkHandler).Assembly, "counter-mark.sbn-html");

    public async ValueTask<string> Handle(GetCounterMark query, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.InvitationId, cancellationToken)
            ?? throw NotFoundException.For("invitation", query.InvitationId);
        var booking = await TicketingAccess.BookingAsync(db, invitation.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        if (booking.Status == BookingStatus.Waitlisted)
        {
            throw new ConflictException("booking.waitlisted", "The booking is on the waiting list: no counter-mark yet.");
        }
        if (invitation.Status == InvitationStatus.Cancelled)
        {
            throw new ConflictException("invitation.cancelled", "This invitation was cancelled.");
        }
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == booking.OfferId, cancellationToken);
        var starts = ParisTime.ToParis(booking.SessionStartsAt);
        return renderer.Render(Template, new Dictionary<string, object?>
        {
            ["title"] = offer.Title,
            ["category"] = offer.Category switch
            {
                OfferCategory.Show => "Spectacle",
                OfferCategory.GuidedTour => "Visite guidée",
                OfferCategory.Conference => "Conférence",
                OfferCategory.Workshop => "Atelier",
                OfferCategory.Match => "Match",
                OfferCategory.Training => "Formation",
                _ => "Sortie",
            },
            ["venue"] = offer.VenueName,
            ["city"] = offer.City,
            ["date"] = French.Date(DateOnly.FromDateTime(starts.DateTime)),
            ["time"] = starts.ToString("HH\\hmm", System.Globalization.CultureInfo.InvariantCulture),
            ["holder"] = invitation.HolderName,
            ["role"] = invitation.Role switch { InvitationRole.Beneficiary => "Actionneur", InvitationRole.Guest => "invité(e)", _ => "accompagnant(e)" },
            ["code"] = invitation.Code,
            // The code again as a QR code, for the door (POST /sessions/{id}/check-ins): the text under it stays the reference.
            ["qr"] = new RawHtml(QrCodes.Svg(invitation.Code)),
        }).Html;
    }
}
