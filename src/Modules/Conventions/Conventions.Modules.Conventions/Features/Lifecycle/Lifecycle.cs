namespace Conventions.Modules.Conventions.Features;

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
        c.StartsOn, c.EndsOn, c.PeriodStartsOn, c.PeriodEndsOn,
        c.RenewedPeriodEndsOn);
}
