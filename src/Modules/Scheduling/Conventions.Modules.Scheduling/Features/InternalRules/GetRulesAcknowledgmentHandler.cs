using Conventions.Modules.Scheduling.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>For the Disputes module: the latest internal rules acknowledged under a convention, which a breach dispute cites.</summary>
internal sealed class GetRulesAcknowledgmentHandler(SchedulingDbContext db) : IQueryHandler<GetRulesAcknowledgment, RulesAcknowledgmentSummary?>
{
    public async ValueTask<RulesAcknowledgmentSummary?> Handle(GetRulesAcknowledgment query, CancellationToken cancellationToken) =>
        await (from a in db.RulesAcknowledgments.AsNoTracking()
               join r in db.InternalRules.AsNoTracking() on a.RulesId equals r.Id
               join v in db.Venues.AsNoTracking() on a.VenueId equals v.Id
               where a.ConventionId == query.ConventionId
               orderby a.AcknowledgedAt descending, a.Version descending
               select new RulesAcknowledgmentSummary(v.Id, v.Name, a.Version, r.Title, a.Sha256, r.PublishedAt, a.AcknowledgedBy, a.AcknowledgedAt))
            .FirstOrDefaultAsync(cancellationToken);
}
