using System.Text;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record CalendarDto(Guid VenueId, string VenueName, DateOnly From, DateOnly To, IReadOnlyList<OccurrenceDto> Items, int Total);

/// <summary>
/// A venue's calendar between two dates. The venue's operator sees every occurrence; a partner sees its own (its
/// calendar); <see cref="OrganizationId"/> narrows to one partner.
/// </summary>
internal sealed record GetCalendar(Guid VenueId, DateOnly? From, DateOnly? To, Guid? OrganizationId) : IQuery<(CalendarDto Calendar, Venue Venue)>;

internal sealed class GetCalendarHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<GetCalendar, (CalendarDto, Venue)>
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
        var occurrences = db.Occurrences.AsNoTracking().Include(o => o.Appointments).Where(o => o.VenueId == venue.Id && o.Date >= from && o.Date <= to);
        if (!SchedulingAccess.IsVenueOperator(actor, venue))
        {
            var own = actor.OrganizationId;
            occurrences = occurrences.Where(o => o.PartnerOrganizationId == own);
        }
        if (query.OrganizationId is { } organizationId)
        {
            occurrences = occurrences.Where(o => o.PartnerOrganizationId == organizationId);
        }
        var items = (await occurrences.ToListAsync(cancellationToken)).OrderBy(o => o.StartsAt).Select(SchedulingMapping.ToDto).ToList();
        return (new CalendarDto(venue.Id, venue.Name, from, to, items, items.Count), venue);
    }
}
