using Conventions.BuildingBlocks.Reports;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// Culture pour tous' season report for funders (issue 19): invitations offered, booked, used and unused, by month,
/// category, venue and kind of structure; distinct and first-time beneficiaries (counts only); waiting-list promotions;
/// staff events and their attendance; beside the previous season. Computed by queries over the data.
/// </summary>
internal sealed record GetCultureReport(string Season) : IQuery<FunderReport>;

internal sealed class GetCultureReportValidator : AbstractValidator<GetCultureReport>
{
    public GetCultureReportValidator() =>
        RuleFor(q => q.Season).Must(s => Seasons.TryParse(s, out _, out _)).WithMessage("A season as 2026-2027 (1 October 2026 to 30 September 2027).");
}

internal sealed class GetCultureReportHandler(TicketingDbContext db, ICurrentActor current, IMediator mediator) : IQueryHandler<GetCultureReport, FunderReport>
{
    private static readonly string[] SeasonMonths = ["oct.", "nov.", "déc.", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept."];

    public async ValueTask<FunderReport> Handle(GetCultureReport query, CancellationToken cancellationToken)
    {
        if (!current.Actor.Operates(TicketingAccess.Program))
        {
            throw new ForbiddenException("report.operator_only", "Only Culture pour tous' operators (and the platform) read its report.");
        }
        Seasons.TryParse(query.Season, out var startsOn, out _);
        var year = startsOn.Year;
        var seats = await SeatsAsync(year, cancellationToken);
        var now = await FiguresAsync(year, seats, cancellationToken);
        var before = await FiguresAsync(year - 1, seats, cancellationToken);
        ReportFigure F(string key, string label, Func<Figures, long> pick) => new(key, label, pick(now), pick(before));
        IEnumerable<ReportFigure> Keys<TKey>(Func<Figures, IReadOnlyDictionary<TKey, long>> pick, Func<TKey, string> label, Func<TKey, string> key) where TKey : notnull =>
            pick(now).Keys.Union(pick(before).Keys).OrderByDescending(k => pick(now).GetValueOrDefault(k)).ThenBy(label, StringComparer.Ordinal)
                .Select(k => F(key(k), label(k), f => pick(f).GetValueOrDefault(k)));
        var sections = new List<ReportSection>
        {
            new("summary", "Synthèse", ReportChart.None,
            [
                F("offered", "Invitations offertes", f => f.Offered),
                F("booked", "Invitations réservées", f => f.Booked),
                F("used", "Invitations utilisées", f => f.Used),
                F("unused", "Invitations réservées non utilisées", f => f.Booked - f.Used),
                F("beneficiaries", "Bénéficiaires distincts", f => f.Beneficiaries),
                F("first-time", "Bénéficiaires nouveaux", f => f.FirstTime),
                F("promotions", "Réservations obtenues depuis la liste d'attente", f => f.Promotions),
                F("staff-events", "Temps de saison, formations et ateliers", f => f.StaffEvents.Events),
                F("staff-registered", "Personnes inscrites aux temps de saison", f => f.StaffEvents.Registered),
                F("staff-attended", "Personnes présentes aux temps de saison", f => f.StaffEvents.Attended),
            ]),
            new("booked-by-month", "Invitations réservées par mois", ReportChart.Bars,
                Enumerable.Range(0, 12).Select(i => F($"{i:00}", SeasonMonths[i], f => f.BookedByMonth.GetValueOrDefault(i))).ToList()),
            new("booked-by-category", "Invitations réservées par catégorie", ReportChart.Shares, Keys(f => f.ByCategory, Category, JsonDefaults.Kebab).ToList()),
            new("booked-by-partner-kind", "Invitations réservées par type de structure", ReportChart.Shares, Keys(f => f.ByKind, Kind, JsonDefaults.Kebab).ToList()),
            new("booked-by-venue", "Invitations réservées par lieu", ReportChart.None, Keys(f => f.ByVenue, v => v, v => v).Take(20).ToList()),
        };
        return new FunderReport(TicketingAccess.Program, "Culture pour tous – bilan de la saison", $"{year}-{year + 1}", $"{year - 1}-{year}",
            new DateOnly(year, 10, 1), new DateOnly(year + 1, 9, 30), sections);
    }

    /// <summary>
    /// The booked seats of the season and of the one before, counted by the database in one pass per session and per
    /// structure, with the sessions' offers (thousands of rows). Grouping every seat by structure, category, venue and
    /// date at once gave a row per structure and session, up to a row per booking; seats are first counted per booking
    /// along the invitations' booking index, then joined to their bookings (9 s → 2.6 s per grouping over 2,000,000 seats
    /// in SQLite), and both seasons share that pass (each grouping reads every seat once, not once a season; issue 17,
    /// docs/performance.md).
    /// </summary>
    private async Task<SeatCounts> SeatsAsync(int year, CancellationToken cancellationToken)
    {
        var (previousStart, start, end) = (ParisTime.StartOf(new DateOnly(year - 1, 10, 1)), ParisTime.StartOf(new DateOnly(year, 10, 1)), ParisTime.StartOf(new DateOnly(year + 1, 10, 1)));
        var perBooking = db.Invitations.AsNoTracking()
            .Where(i => i.Status != InvitationStatus.Cancelled)
            .GroupBy(i => new { i.BookingId, Used = i.Status == InvitationStatus.Attended })
            .Select(g => new { g.Key.BookingId, g.Key.Used, Count = g.LongCount() });
        var seats = from i in perBooking
                    join b in db.Bookings.AsNoTracking() on i.BookingId equals b.Id
                    where b.Status == BookingStatus.Confirmed && b.SessionStartsAt >= previousStart && b.SessionStartsAt < end
                    select new { b.SessionId, b.OrganizationId, i.Used, Season = b.SessionStartsAt >= start ? year : year - 1, i.Count };
        var bySession = await seats.GroupBy(s => new { s.SessionId, s.Used, s.Season })
            .Select(g => new SessionSeats(g.Key.SessionId, g.Key.Used, g.Key.Season, g.Sum(s => s.Count))).ToListAsync(cancellationToken);
        var byOrganization = await seats.GroupBy(s => new { s.OrganizationId, s.Season })
            .Select(g => new OrganizationSeats(g.Key.OrganizationId, g.Key.Season, g.Sum(s => s.Count))).ToListAsync(cancellationToken);
        var sessionIds = bySession.Select(s => s.SessionId).Distinct().ToList();
        var sessions = await (from s in db.Sessions.AsNoTracking()
                              join o in db.Offers.AsNoTracking() on s.OfferId equals o.Id
                              where EF.Parameter(sessionIds).Contains(s.Id) // one array parameter: thousands of sessions
                              select new SessionOffer(s.Id, s.StartsAt, o.Category, o.VenueName))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return new SeatCounts(bySession, byOrganization, sessions);
    }

    private async Task<Figures> FiguresAsync(int year, SeatCounts seats, CancellationToken cancellationToken)
    {
        var (start, end) = (ParisTime.StartOf(new DateOnly(year, 10, 1)), ParisTime.StartOf(new DateOnly(year + 1, 10, 1)));
        var offered = await db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt >= start && s.StartsAt < end).SumAsync(s => (long)s.Seats, cancellationToken);
        var bySession = seats.BySession.Where(s => s.Season == year).ToList();
        var byOrganization = seats.ByOrganization.Where(s => s.Season == year).ToList();
        // Each beneficiary's first and last outing up to the season's end, in one pass along the beneficiaries' index: in
        // the season if the last is in it, new if the first is (a NOT EXISTS per beneficiary took 3.8 s in SQLite).
        var outings = db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.SessionStartsAt < end)
            .GroupBy(b => b.BeneficiaryId)
            .Select(g => new { First = g.Min(b => b.SessionStartsAt), Last = g.Max(b => b.SessionStartsAt) });
        var beneficiaries = await outings.CountAsync(o => o.Last >= start, cancellationToken);
        var firstTime = await outings.CountAsync(o => o.First >= start, cancellationToken);
        var promotions = await db.Bookings.AsNoTracking()
            .CountAsync(b => b.WaitlistSequence > 0 && b.ConfirmedAt != null && b.SessionStartsAt >= start && b.SessionStartsAt < end, cancellationToken);
        var kinds = await mediator.Send(new GetOrganizationKinds(byOrganization.Select(s => s.OrganizationId).Distinct().ToList()), cancellationToken);
        var staff = await mediator.Send(new GetSeasonEventFigures(TicketingAccess.Program, start, end), cancellationToken);
        var booked = bySession.Select(s => (Session: seats.Sessions[s.SessionId], s.Used, s.Count)).ToList();
        return new Figures(
            offered, bySession.Sum(s => s.Count), bySession.Where(s => s.Used).Sum(s => s.Count), beneficiaries, firstTime, promotions, staff,
            booked.GroupBy(s => MonthOfSeason(s.Session.StartsAt)).ToDictionary(g => g.Key, g => g.Sum(s => s.Count)),
            booked.GroupBy(s => s.Session.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.Count)),
            byOrganization.GroupBy(s => kinds.TryGetValue(s.OrganizationId, out var k) ? k : OrganizationKind.Other).ToDictionary(g => g.Key, g => g.Sum(s => s.Count)),
            booked.GroupBy(s => s.Session.VenueName).ToDictionary(g => g.Key, g => g.Sum(s => s.Count)));
    }

    private static int MonthOfSeason(DateTimeOffset startsAt) => (ParisTime.ToParis(startsAt).Month + 2) % 12;

    private static string Category(OfferCategory category) => category switch
    {
        OfferCategory.Show => "Spectacles",
        OfferCategory.GuidedTour => "Visites guidées",
        OfferCategory.Conference => "Conférences",
        OfferCategory.Workshop => "Ateliers",
        OfferCategory.Match => "Matchs",
        OfferCategory.Training => "Formations",
        _ => "Autres sorties",
    };

    private static string Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Association => "Associations",
        OrganizationKind.Municipality => "Communes",
        OrganizationKind.CulturalInstitution => "Structures culturelles",
        OrganizationKind.SportInstitution => "Structures sportives",
        OrganizationKind.SocialService => "Structures sociales",
        _ => "Autres",
    };

    private sealed record SessionSeats(Guid SessionId, bool Used, int Season, long Count);

    private sealed record OrganizationSeats(Guid OrganizationId, int Season, long Count);

    private sealed record SessionOffer(Guid Id, DateTimeOffset StartsAt, OfferCategory Category, string VenueName);

    private sealed record SeatCounts(List<SessionSeats> BySession, List<OrganizationSeats> ByOrganization, Dictionary<Guid, SessionOffer> Sessions);

    private sealed record Figures(
        long Offered, long Booked, long Used, long Beneficiaries, long FirstTime, long Promotions, SeasonEventFigures StaffEvents,
        IReadOnlyDictionary<int, long> BookedByMonth, IReadOnlyDictionary<OfferCategory, long> ByCategory, IReadOnlyDictionary<OrganizationKind, long> ByKind,
        IReadOnlyDictionary<string, long> ByVenue);
}
