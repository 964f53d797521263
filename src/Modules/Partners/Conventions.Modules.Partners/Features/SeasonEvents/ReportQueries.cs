namespace Conventions.Modules.Partners.Features;

/// <summary>For reports: the kinds of organizations.</summary>
internal sealed class GetOrganizationKindsHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationKinds, IReadOnlyDictionary<Guid, OrganizationKind>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, OrganizationKind>> Handle(GetOrganizationKinds query, CancellationToken cancellationToken)
    {
        var ids = query.OrganizationIds.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, cancellationToken);
    }
}

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
