using System.Text;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// A venue's occurrences between two dates, in time order: all of them, or by pages when <c>limit</c> or <c>cursor</c> is
/// given (then <see cref="Next"/> is the next page's cursor, and <c>total</c> counts the whole range).
/// </summary>
internal sealed record CalendarDto(Guid VenueId, string VenueName, DateOnly From, DateOnly To, IReadOnlyList<OccurrenceDto> Items, int Total) : IPagedList
{
    /// <summary>Pass it as <c>cursor</c> for the next page; null on the last page, and when the calendar is not paged.</summary>
    public string? Next { get; init; }
}

/// <summary>
/// A venue's calendar between two dates. The venue's operator sees every occurrence; a partner sees its own (its
/// calendar); <see cref="OrganizationId"/> narrows to one partner. <see cref="Paged"/>: by pages (issue 17: a busy venue's
/// year is ten thousand occurrences), rather than the whole range at once.
/// </summary>
internal sealed record GetCalendar(Guid VenueId, DateOnly? From, DateOnly? To, Guid? OrganizationId, bool Paged = false) : IQuery<(CalendarDto Calendar, Venue Venue)>;

internal sealed class GetCalendarHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, PageRequest page) : IQueryHandler<GetCalendar, (CalendarDto, Venue)>
{
    public async ValueTask<(CalendarDto, Venue)> Handle(GetCalendar query, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, query.VenueId, cancellationToken);
        var actor = current.Actor;
        SchedulingAccess.EnsureInProgram(actor);
        var today = clock.Today();
        var from = query.From ?? today.AddDays(-30);
        var to = query.To ?? today.AddDays(365);
        if (to < from || to > from.AddYears(2))
        {
            throw InvalidInputException.Field("to", "Must be on or after 'from', within two years.");
        }
        // The dates in Paris, and the instants they span: the (venue, start) index then reads the range only, not every
        // occurrence of the venue before it (a month's page of a busy venue: 66 ms → see docs/performance.md).
        var (startsFrom, startsBefore) = (ParisTime.StartOf(from), ParisTime.StartOf(to.AddDays(1)));
        var occurrences = db.Occurrences.AsNoTracking().Include(o => o.Appointments)
            .Where(o => o.VenueId == venue.Id && o.StartsAt >= startsFrom && o.StartsAt < startsBefore && o.Date >= from && o.Date <= to);
        if (!SchedulingAccess.IsVenueOperator(actor, venue))
        {
            var own = actor.OrganizationId;
            occurrences = occurrences.Where(o => o.PartnerOrganizationId == own);
        }
        if (query.OrganizationId is { } organizationId)
        {
            occurrences = occurrences.Where(o => o.PartnerOrganizationId == organizationId);
        }
        if (query.Paged)
        {
            var paged = await occurrences.PageAsync(o => o.StartsAt, o => o.Id, page, SchedulingMapping.ToDto, cancellationToken);
            return (new CalendarDto(venue.Id, venue.Name, from, to, paged.Items, paged.Total) { Next = paged.Next }, venue);
        }
        var items = (await occurrences.ToListAsync(cancellationToken)).OrderBy(o => o.StartsAt).Select(SchedulingMapping.ToDto).ToList();
        return (new CalendarDto(venue.Id, venue.Name, from, to, items, items.Count), venue);
    }
}
