using Conventions.BuildingBlocks.Reports;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// La Ruche Numérique's yearly report for funders (issue 19): visitors by category and by month, permanences held and
/// cancelled, reservations and appointments, for a civil year beside the previous one. Computed by queries over the
/// venues the caller operates (all of them for the platform); people are counted, never named.
/// </summary>
internal sealed record GetRucheReport(int Year) : IQuery<FunderReport>;

internal sealed class GetRucheReportValidator : AbstractValidator<GetRucheReport>
{
    public GetRucheReportValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100).WithMessage("A year, as 2023.");
}

internal sealed class GetRucheReportHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<GetRucheReport, FunderReport>
{
    private static readonly string[] Months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    public async ValueTask<FunderReport> Handle(GetRucheReport query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.Operates(SchedulingAccess.Program))
        {
            throw new ForbiddenException("report.operator_only", "Only La Ruche Numérique's operators (and the platform) read its report.");
        }
        var venues = db.Venues.AsNoTracking().AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            venues = venues.Where(v => v.OperatorOrganizationId == own);
        }
        var venueIds = await venues.Select(v => v.Id).ToListAsync(cancellationToken);
        var now = await FiguresAsync(venueIds, query.Year, cancellationToken);
        var before = await FiguresAsync(venueIds, query.Year - 1, cancellationToken);
        ReportFigure F(string key, string label, Func<Figures, long> pick) => new(key, label, pick(now), pick(before));
        var sections = new List<ReportSection>
        {
            new("summary", "Synthèse", ReportChart.None,
            [
                F("visitors", "Visiteurs accueillis", f => f.Visits.Values.Sum()),
                F("permanences-held", "Permanences tenues", f => f.PermanencesHeld),
                F("permanences-cancelled", "Permanences annulées", f => f.PermanencesCancelled),
                F("reservations", "Réservations de salles", f => f.Reservations),
                F("appointments", "Rendez-vous pris aux permanences", f => f.Appointments),
            ]),
            new("visitors-by-category", "Visiteurs par catégorie", ReportChart.Shares,
                Enum.GetValues<VisitCategory>().Select(c => F(JsonDefaults.Kebab(c), Label(c), f => f.Visits.GetValueOrDefault(c))).ToList()),
            new("visitors-by-month", "Visiteurs par mois", ReportChart.Bars,
                Enumerable.Range(1, 12).Select(m => F($"{m:00}", Months[m - 1], f => f.VisitsByMonth.GetValueOrDefault(m))).ToList()),
        };
        return new FunderReport(SchedulingAccess.Program, "La Ruche Numérique – bilan annuel d'activité", query.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (query.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31), sections);

        async Task<Figures> FiguresAsync(List<Guid> ids, int year, CancellationToken ct)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var visits = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.VenueId) && v.On >= from && v.On <= to)
                .GroupBy(v => new { v.Category, v.On.Month }).Select(g => new { g.Key.Category, g.Key.Month, Count = g.Sum(v => v.Count) }).ToListAsync(ct);
            // The year's instants bound the (venue, start) index's range, as in the calendar (issue 17).
            var (startsFrom, startsBefore) = (ParisTime.StartOf(from), ParisTime.StartOf(to.AddDays(1)));
            var occurrences = db.Occurrences.AsNoTracking()
                .Where(o => ids.Contains(o.VenueId) && o.StartsAt >= startsFrom && o.StartsAt < startsBefore && o.Date >= from && o.Date <= to);
            var today = clock.Today();
            var counts = await occurrences.GroupBy(o => new { o.Kind, o.Status, Past = o.Date < today }).Select(g => new { g.Key.Kind, g.Key.Status, g.Key.Past, Count = g.Count() }).ToListAsync(ct);
            var appointments = await occurrences.SelectMany(o => o.Appointments).CountAsync(ct);
            return new Figures(
                visits.GroupBy(v => v.Category).ToDictionary(g => g.Key, g => (long)g.Sum(v => v.Count)),
                visits.GroupBy(v => v.Month).ToDictionary(g => g.Key, g => (long)g.Sum(v => v.Count)),
                counts.Where(c => c.Kind == OccurrenceKind.Permanence && c.Status == OccurrenceStatus.Planned && c.Past).Sum(c => c.Count),
                counts.Where(c => c.Kind == OccurrenceKind.Permanence && c.Status == OccurrenceStatus.Cancelled).Sum(c => c.Count),
                counts.Where(c => c.Kind == OccurrenceKind.Reservation && c.Status == OccurrenceStatus.Planned).Sum(c => c.Count),
                appointments);
        }
    }

    private static string Label(VisitCategory category) => category switch
    {
        VisitCategory.WalkIn => "Accueil sans rendez-vous",
        VisitCategory.Appointment => "Sur rendez-vous",
        VisitCategory.AutonomousAccess => "Accès autonome",
        VisitCategory.Partner => "Partenaires",
        VisitCategory.DigitalAdviser => "Conseillers numériques",
        _ => "Autres",
    };

    private sealed record Figures(IReadOnlyDictionary<VisitCategory, long> Visits, IReadOnlyDictionary<int, long> VisitsByMonth, long PermanencesHeld, long PermanencesCancelled, long Reservations, long Appointments);
}
