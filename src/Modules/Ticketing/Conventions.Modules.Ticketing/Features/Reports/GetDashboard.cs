namespace Conventions.Modules.Ticketing.Features;

/// <summary>An organization's use of the ticketing over a period (by the sessions' dates).</summary>
internal sealed record DashboardDto(Guid OrganizationId, DateOnly From, DateOnly To, int Bookings, int Waitlisted, int Invitations, int Attended, int NoShows, int Cancelled);

internal sealed record GetDashboard(Guid OrganizationId, DateOnly? From, DateOnly? To) : IQuery<DashboardDto>;

internal sealed class GetDashboardHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator) : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        // The organization's booker and partner staff, the operators of its program (Culture pour tous), the platform.
        var allowed = actor.IsStaffOf(query.OrganizationId, Role.Booker, Role.Partner)
            || actor.SeesEverything
            || (actor.Operates(TicketingAccess.Program)
                && (await mediator.Send(new Partners.Contracts.GetOrganizationPrograms(query.OrganizationId), cancellationToken)).IsMemberOf(TicketingAccess.Program));
        if (!allowed)
        {
            throw new ForbiddenException("dashboard.forbidden", "This dashboard is for the organization's staff and its program's operators.");
        }
        var (from, to, start, end) = ReportPeriod.Of(clock, query.From, query.To);
        var bookings = db.Bookings.AsNoTracking().Where(b => b.OrganizationId == query.OrganizationId && b.SessionStartsAt >= start && b.SessionStartsAt < end);
        // From the organization's bookings (its index) to their invitations (theirs): an EXISTS per invitation made SQLite
        // walk every invitation of the platform, 1.4 s over two million (issue 17, docs/performance.md).
        var invitations = from b in bookings
                          where b.Status != BookingStatus.Waitlisted
                          join i in db.Invitations.AsNoTracking() on b.Id equals i.BookingId
                          select i;
        var byStatus = await invitations.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(InvitationStatus status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        return new DashboardDto(
            query.OrganizationId, from, to,
            await bookings.CountAsync(b => b.Status != BookingStatus.Cancelled, cancellationToken),
            await bookings.CountAsync(b => b.Status == BookingStatus.Waitlisted, cancellationToken),
            byStatus.Sum(s => s.Count),
            Count(InvitationStatus.Attended), Count(InvitationStatus.NoShow), Count(InvitationStatus.Cancelled));
    }
}

/// <summary>A report's period: the last twelve months by default, five years at most, as instants in Paris.</summary>
internal static class ReportPeriod
{
    public static (DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End) Of(TimeProvider clock, DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var f = from ?? today.AddMonths(-12);
        var t = to ?? today;
        if (t < f || t > f.AddYears(5))
        {
            throw InvalidInputException.Field("to", "Must be on or after 'from', within five years.");
        }
        return (f, t, ParisTime.StartOf(f), ParisTime.StartOf(t.AddDays(1)));
    }
}
