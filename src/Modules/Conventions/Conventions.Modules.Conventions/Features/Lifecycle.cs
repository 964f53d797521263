using Conventions.BuildingBlocks.Caching;
using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Conventions.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Conventions.Features;

/// <summary>What other modules may ask of a convention, through the Contracts.</summary>
internal sealed class ConventionQueries(ConventionsDbContext db, StandingCache standings)
    : IQueryHandler<GetConventionSummary, ConventionSummary?>, IQueryHandler<MayOperateUnder, OperatingStanding>
{
    public async ValueTask<ConventionSummary?> Handle(GetConventionSummary query, CancellationToken cancellationToken)
    {
        var convention = await db.Conventions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ConventionId, cancellationToken);
        return convention is null ? null : Lifecycle.ToSummary(convention);
    }

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
    public static readonly ChangeSignal Signal = new();

    public ReadCache<(Guid OrganizationId, string TemplateKey), OperatingStanding> Entries { get; } = new(Signal, clock, TimeSpan.FromSeconds(5));
}

/// <summary>The status changes the dispute workflow applies; idempotent, each publishing its integration event once.</summary>
internal sealed class Lifecycle(ConventionsDbContext db, TimeProvider clock)
    : ICommandHandler<SuspendConvention, ConventionSummary>,
      ICommandHandler<ReinstateConvention, ConventionSummary>,
      ICommandHandler<TerminateConvention, ConventionSummary>,
      ICommandHandler<LapseConvention, ConventionSummary>
{
    public ValueTask<ConventionSummary> Handle(SuspendConvention command, CancellationToken cancellationToken) =>
        ApplyAsync(command.ConventionId, ConventionChange.Suspended, command.Reason, command.EffectiveOn, cancellationToken);

    public ValueTask<ConventionSummary> Handle(ReinstateConvention command, CancellationToken cancellationToken) =>
        ApplyAsync(command.ConventionId, ConventionChange.Reinstated, command.Reason, command.EffectiveOn, cancellationToken);

    public ValueTask<ConventionSummary> Handle(TerminateConvention command, CancellationToken cancellationToken) =>
        ApplyAsync(command.ConventionId, ConventionChange.Terminated, command.Reason, command.EffectiveOn, cancellationToken);

    public ValueTask<ConventionSummary> Handle(LapseConvention command, CancellationToken cancellationToken) =>
        ApplyAsync(command.ConventionId, ConventionChange.Lapsed, command.Reason, command.EffectiveOn, cancellationToken);

    private async ValueTask<ConventionSummary> ApplyAsync(Guid id, ConventionChange change, string reason, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        if (convention.ChangeStatus(change, reason, effectiveOn, now))
        {
            ConventionEffects.StatusChanged(db, convention, change, effectiveOn, reason, now);
        }
        return ToSummary(convention);
    }

    public static ConventionSummary ToSummary(Convention c) => new(
        c.Id, c.TemplateKey, c.OperatorOrganizationId, c.PartnerOrganizationId, c.Status, c.DisputePolicy, c.RenewalPolicy,
        c.StartsOn, c.EndsOn, c.PeriodStartsOn, c.PeriodEndsOn);
}
