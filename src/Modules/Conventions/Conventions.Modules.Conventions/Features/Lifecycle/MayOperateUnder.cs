using Conventions.BuildingBlocks.Caching;

namespace Conventions.Modules.Conventions.Features;

/// <summary>Whether an organization may operate under a template's program now (cached, see <see cref="StandingCache"/>).</summary>
internal sealed class MayOperateUnderHandler(ConventionsDbContext db, StandingCache standings) : IQueryHandler<MayOperateUnder, OperatingStanding>
{
    public async ValueTask<OperatingStanding> Handle(MayOperateUnder query, CancellationToken cancellationToken) =>
        (await standings.Entries.GetOrLoadAsync((query.OrganizationId, query.TemplateKey), LoadStandingAsync, cancellationToken))!;

    private async Task<OperatingStanding?> LoadStandingAsync((Guid OrganizationId, string TemplateKey) query, CancellationToken cancellationToken)
    {
        var conventions = await db.Conventions.AsNoTracking()
            .Where(c => c.PartnerOrganizationId == query.OrganizationId && c.TemplateKey == query.TemplateKey)
            .Select(c => new { c.Id, c.Status, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var active = conventions.FirstOrDefault(c => c.Status == ConventionStatus.Active);
        if (active is not null)
        {
            return new OperatingStanding(true, active.Id, active.Status);
        }
        var latest = conventions.OrderByDescending(c => c.CreatedAt).FirstOrDefault();
        return new OperatingStanding(false, latest?.Id, latest?.Status);
    }
}

/// <summary>
/// Asked before every booking and permanence: cached per organization and template, invalidated at once by any change
/// to a convention saved by this process (<see cref="ConventionsDbContext"/> raises the signal).
/// </summary>
internal sealed class StandingCache(TimeProvider clock)
{
    public static readonly ChangeSignal Signal = new(name: "conventions.standing");

    public ReadCache<(Guid OrganizationId, string TemplateKey), OperatingStanding> Entries { get; } = new(Signal, clock, TimeSpan.FromSeconds(5));
}
