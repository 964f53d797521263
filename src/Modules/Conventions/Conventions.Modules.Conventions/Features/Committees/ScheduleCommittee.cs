using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

internal sealed record CommitteeBody
{
    /// <example>2026-11-26</example>
    public DateOnly? MeetsOn { get; init; }
}

internal sealed record ScheduleCommittee(Guid ConventionId, CommitteeBody Body) : ICommand<CommitteeDto>;

internal sealed class ScheduleCommitteeValidator : AbstractValidator<ScheduleCommittee>
{
    public ScheduleCommitteeValidator() => RuleFor(c => c.Body.MeetsOn).NotNull().WithMessage("Required.");
}

internal sealed class ScheduleCommitteeHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<ScheduleCommittee, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(ScheduleCommittee command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        var committee = convention.ScheduleCommittee(command.Body.MeetsOn!.Value, clock.GetUtcNow());
        db.Add(committee);
        return ConventionMapping.ToDto(committee);
    }
}
