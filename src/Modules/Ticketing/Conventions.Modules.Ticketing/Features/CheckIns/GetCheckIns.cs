namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// A session's door, counted (issue 19): seats booked, checked in, not yet checked in, cancelled, and seats waiting.
/// Counts only: the publisher never gets a list of names.
/// </summary>
internal sealed record CheckInCountsDto(Guid SessionId, Guid OfferId, DateTimeOffset StartsAt, int Seats, int Booked, int CheckedIn, int NotCheckedIn, int Cancelled, int Waiting);

internal sealed record GetCheckIns(Guid SessionId) : IQuery<CheckInCountsDto>;

internal sealed class GetCheckInsHandler(TicketingDbContext db, ICurrentActor current) : IQueryHandler<GetCheckIns, CheckInCountsDto>
{
    public async ValueTask<CheckInCountsDto> Handle(GetCheckIns query, CancellationToken cancellationToken)
    {
        var (_, session) = await CheckIns.PublishedSessionAsync(db, current.Actor, query.SessionId, cancellationToken);
        var counts = await (from i in db.Invitations.AsNoTracking()
                            join b in db.Bookings.AsNoTracking() on i.BookingId equals b.Id
                            where b.SessionId == session.Id
                            group i by new { b.Status, Seat = i.Status, CheckedIn = i.CheckedInAt != null } into g
                            select new { g.Key.Status, g.Key.Seat, g.Key.CheckedIn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var confirmed = counts.Where(c => c.Status == BookingStatus.Confirmed && c.Seat != InvitationStatus.Cancelled).ToList();
        var booked = confirmed.Sum(c => c.Count);
        var checkedIn = confirmed.Where(c => c.CheckedIn).Sum(c => c.Count);
        return new CheckInCountsDto(
            session.Id, session.OfferId, session.StartsAt, session.Seats, booked, checkedIn, booked - checkedIn,
            counts.Where(c => c.Status == BookingStatus.Cancelled || c.Seat == InvitationStatus.Cancelled).Sum(c => c.Count),
            counts.Where(c => c.Status == BookingStatus.Waitlisted && c.Seat != InvitationStatus.Cancelled).Sum(c => c.Count));
    }
}
