namespace Conventions.Modules.Partners.Features;

/// <summary>For reports: a program's season events over a period, counted by query.</summary>
internal sealed class GetSeasonEventFiguresHandler(PartnersDbContext db) : IQueryHandler<GetSeasonEventFigures, SeasonEventFigures>
{
    public async ValueTask<SeasonEventFigures> Handle(GetSeasonEventFigures query, CancellationToken cancellationToken)
    {
        var events = db.SeasonEvents.AsNoTracking()
            .Where(e => e.ProgramKey == query.Program && e.Status == SeasonEventStatus.Scheduled && e.StartsAt >= query.From && e.StartsAt < query.To);
        var registrations = events.SelectMany(e => e.Registrations).Where(r => r.Status == RegistrationStatus.Confirmed);
        return new SeasonEventFigures(
            await events.CountAsync(cancellationToken),
            await registrations.CountAsync(cancellationToken),
            await registrations.CountAsync(r => r.Attended == true, cancellationToken));
    }
}
