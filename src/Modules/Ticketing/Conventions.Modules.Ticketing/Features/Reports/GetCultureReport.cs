using Conventions.BuildingBlocks.Reports;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// Culture pour tous' season report for funders (issue 19): invitations offered, booked, used and unused, by month,
/// category, venue and kind of structure; distinct and first-time beneficiaries (counts only); waiting-list promotions;
/// staff events and their attendance; beside the previous season. Read from the seat figures kept from the bookings'
/// changes (<see cref="SeatFigures"/>), brought up to date first: the report counts every booking committed before it.
/// </summary>
internal sealed record GetCultureReport(string Season) : IQuery<FunderReport>;

internal sealed class GetCultureReportValidator : AbstractValidator<GetCultureReport>
{
    public GetCultureReportValidator() =>
        RuleFor(q => q.Season).Must(s => Seasons.TryParse(s, out _, out _)).WithMessage("A season as 2026-2027 (1 October 2026 to 30 September 2027).");
}

internal sealed class GetCultureReportHandler(TicketingDbContext db, ICurrentActor current, IMediator mediator, TimeProvider clock) : IQueryHandler<GetCultureReport, FunderReport>
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
        await SeatFigures.RefreshAsync(db, clock, cancellationToken);
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
    /// The seats of the season and of the one before: per session with its offer (thousands of rows), and per structure
    /// and season (issue 17: grouping every seat of both seasons here took 7 to 9 s over a million bookings in SQLite).
    /// </summary>
    private async Task<SeatCounts> SeatsAsync(int year, CancellationToken cancellationToken)
    {
        var (previousStart, end) = (ParisTime.StartOf(new DateOnly(year - 1, 10, 1)), ParisTime.StartOf(new DateOnly(year + 1, 10, 1)));
        var sessions = await (from f in db.SessionSeatFigures.AsNoTracking()
                              join s in db.Sessions.AsNoTracking() on f.SessionId equals s.Id
                              join o in db.Offers.AsNoTracking() on s.OfferId equals o.Id
                              where s.StartsAt >= previousStart && s.StartsAt < end
                              select new SessionSeats(s.StartsAt, o.Category, o.VenueName, f.Booked, f.Used, f.Promotions)).ToListAsync(cancellationToken);
        var organizations = await db.OrganizationSeasonSeats.AsNoTracking().Where(f => f.Season == year || f.Season == year - 1)
            .Select(f => new OrganizationSeats(f.OrganizationId, f.Season, f.Booked)).ToListAsync(cancellationToken);
        return new SeatCounts(sessions, organizations);
    }

    private async Task<Figures> FiguresAsync(int year, SeatCounts seats, CancellationToken cancellationToken)
    {
        var (start, end) = (ParisTime.StartOf(new DateOnly(year, 10, 1)), ParisTime.StartOf(new DateOnly(year + 1, 10, 1)));
        var offered = await db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt >= start && s.StartsAt < end).SumAsync(s => (long)s.Seats, cancellationToken);
        var sessions = seats.Sessions.Where(s => s.StartsAt >= start && s.StartsAt < end).ToList();
        var byOrganization = seats.Organizations.Where(s => s.Season == year).ToList();
        // Distinct beneficiaries: those who went out in the season; new: those of them who never went out before it.
        var beneficiaries = await db.BeneficiarySeasons.AsNoTracking().CountAsync(b => b.Season == year, cancellationToken);
        var firstTime = await db.BeneficiarySeasons.AsNoTracking()
            .CountAsync(b => b.Season == year && !db.BeneficiarySeasons.Any(p => p.BeneficiaryId == b.BeneficiaryId && p.Season < year), cancellationToken);
        var kinds = await mediator.Send(new GetOrganizationKinds(byOrganization.Select(s => s.OrganizationId).Distinct().ToList()), cancellationToken);
        var staff = await mediator.Send(new GetSeasonEventFigures(TicketingAccess.Program, start, end), cancellationToken);
        var booked = sessions.Where(s => s.Booked > 0).ToList();
        return new Figures(
            offered, sessions.Sum(s => s.Booked), sessions.Sum(s => s.Used), beneficiaries, firstTime, sessions.Sum(s => s.Promotions), staff,
            booked.GroupBy(s => MonthOfSeason(s.StartsAt)).ToDictionary(g => g.Key, g => g.Sum(s => s.Booked)),
            booked.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.Booked)),
            byOrganization.Where(s => s.Booked > 0).GroupBy(s => kinds.TryGetValue(s.OrganizationId, out var k) ? k : OrganizationKind.Other).ToDictionary(g => g.Key, g => g.Sum(s => s.Booked)),
            booked.GroupBy(s => s.VenueName).ToDictionary(g => g.Key, g => g.Sum(s => s.Booked)));
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

    private sealed record SessionSeats(DateTimeOffset StartsAt, OfferCategory Category, string VenueName, long Booked, long Used, long Promotions);

    private sealed record OrganizationSeats(Guid OrganizationId, int Season, long Booked);

    private sealed record SeatCounts(List<SessionSeats> Sessions, List<OrganizationSeats> Organizations);

    private sealed record Figures(
        long Offered, long Booked, long Used, long Beneficiaries, long FirstTime, long Promotions, SeasonEventFigures StaffEvents,
        IReadOnlyDictionary<int, long> BookedByMonth, IReadOnlyDictionary<OfferCategory, long> ByCategory, IReadOnlyDictionary<OrganizationKind, long> ByKind,
        IReadOnlyDictionary<string, long> ByVenue);
}
