namespace Conventions.Modules.Ticketing.Features;

internal sealed record UnusedEntryDto(Guid OrganizationId, int Invitations, int NoShows, decimal NoShowRate);

internal sealed record GetUnusedInvitations(DateOnly? From, DateOnly? To, int MinNoShows) : IQuery<ListResponse<UnusedEntryDto>>;

internal sealed class GetUnusedInvitationsHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, PageRequest page) : IQueryHandler<GetUnusedInvitations, ListResponse<UnusedEntryDto>>
{
    /// <summary>Structures whose invitations go unused (no-shows), for the operator to contact (art. 2).</summary>
    public async ValueTask<ListResponse<UnusedEntryDto>> Handle(GetUnusedInvitations query, CancellationToken cancellationToken)
    {
        if (!current.Actor.Operates(TicketingAccess.Program))
        {
            throw new ForbiddenException("program.operator_only", "This report is for the operators of Culture pour tous.");
        }
        var (_, _, start, end) = ReportPeriod.Of(clock, query.From, query.To);
        var rows = await db.Invitations.AsNoTracking()
            .Join(db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Confirmed && b.SessionStartsAt >= start && b.SessionStartsAt < end),
                i => i.BookingId, b => b.Id, (i, b) => new { b.OrganizationId, i.Status })
            .GroupBy(x => x.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Invitations = g.Count(), NoShows = g.Count(x => x.Status == InvitationStatus.NoShow) })
            .ToListAsync(cancellationToken);
        var items = rows.Where(r => r.NoShows >= query.MinNoShows && r.NoShows > 0)
            .Select(r => new UnusedEntryDto(r.OrganizationId, r.Invitations, r.NoShows, Math.Round((decimal)r.NoShows / r.Invitations, 2)))
            .OrderByDescending(r => r.NoShows).ThenByDescending(r => r.NoShowRate).ToList();
        return Paging.Page(items, r => r.OrganizationId.ToString("N"), page);
    }
}
