namespace Conventions.Modules.Scheduling.Features;

/// <summary>The venue's internal rules (a version, the current by default), read by the organizations of La Ruche Numérique.</summary>
internal sealed record GetInternalRules(Guid VenueId, int? Version) : IQuery<InternalRulesOverviewDto>;

internal sealed class GetInternalRulesHandler(SchedulingDbContext db, ICurrentActor current) : IQueryHandler<GetInternalRules, InternalRulesOverviewDto>
{
    public async ValueTask<InternalRulesOverviewDto> Handle(GetInternalRules query, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, query.VenueId, cancellationToken);
        SchedulingAccess.EnsureInProgram(current.Actor);
        var versions = await db.InternalRules.AsNoTracking().Where(r => r.VenueId == venue.Id).OrderByDescending(r => r.Version)
            .Select(r => new InternalRulesVersionDto(r.Version, r.Title, r.Sha256, r.PublishedAt)).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException("internal_rules.not_found", "This venue has not published internal rules yet.");
        }
        var version = query.Version ?? versions[0].Version;
        var rules = await db.InternalRules.AsNoTracking().SingleOrDefaultAsync(r => r.VenueId == venue.Id && r.Version == version, cancellationToken)
            ?? throw new NotFoundException("internal_rules.not_found", $"This venue has no version {version} of its internal rules.");
        // The operator sees every partner's acknowledgment; a partner only its own organization's.
        var acknowledgments = db.RulesAcknowledgments.AsNoTracking().Where(a => a.VenueId == venue.Id);
        if (!SchedulingAccess.IsVenueOperator(current.Actor, venue))
        {
            var own = current.Actor.OrganizationId;
            acknowledgments = acknowledgments.Where(a => a.PartnerOrganizationId == own);
        }
        var list = await acknowledgments.OrderByDescending(a => a.Version).ThenBy(a => a.ConventionId).Take(500).ToListAsync(cancellationToken);
        return new InternalRulesOverviewDto(venue.Id, InternalRulesMapping.ToDto(rules), versions[0].Version, versions, list.Select(InternalRulesMapping.ToDto).ToList());
    }
}
