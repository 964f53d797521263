namespace Conventions.Modules.Scheduling.Features;

internal sealed record StatisticsDto(Guid VenueId, int Year, int Total, IReadOnlyDictionary<string, int> ByCategory);

internal sealed record GetStatistics(Guid VenueId, int Year) : IQuery<StatisticsDto>;

internal sealed class GetStatisticsHandler(SchedulingDbContext db, ICurrentActor current) : IQueryHandler<GetStatistics, StatisticsDto>
{
    public async ValueTask<StatisticsDto> Handle(GetStatistics query, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, query.VenueId, cancellationToken);
        SchedulingAccess.EnsureInProgram(current.Actor);
        var from = new DateOnly(query.Year, 1, 1);
        var to = new DateOnly(query.Year, 12, 31);
        var sums = await db.Visits.AsNoTracking()
            .Where(v => v.VenueId == venue.Id && v.On >= from && v.On <= to)
            .GroupBy(v => v.Category)
            .Select(g => new { Category = g.Key, Count = g.Sum(v => v.Count) })
            .ToListAsync(cancellationToken);
        var byCategory = Enum.GetValues<VisitCategory>().ToDictionary(JsonDefaults.Kebab, c => sums.FirstOrDefault(s => s.Category == c)?.Count ?? 0);
        return new StatisticsDto(venue.Id, query.Year, byCategory.Values.Sum(), byCategory);
    }
}
