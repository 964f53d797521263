using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

/// <summary>A partner proposes a mediation activity to an operator of its program, who accepts it into the programme or declines it.</summary>
internal sealed record ProposeMediation(SeasonEventBody Body) : ICommand<SeasonEventDto>;

internal sealed class ProposeMediationValidator : AbstractValidator<ProposeMediation>
{
    public ProposeMediationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).SetValidator(new SeasonEventBodyValidator(clock));
        RuleFor(c => c.Body.Kind).Must(k => k is null or SeasonEventKind.Mediation).WithMessage("A partner proposes mediation activities.").OverridePropertyName("kind");
        RuleFor(c => c.Body.OperatorOrganizationId).NotEmpty().WithMessage("Required: the operator it is proposed to.").OverridePropertyName("operatorOrganizationId");
    }
}

internal sealed class ProposeMediationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, MediationNotices notices) : ICommandHandler<ProposeMediation, SeasonEventDto>
{
    public async ValueTask<SeasonEventDto> Handle(ProposeMediation command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var body = command.Body;
        if (actor.OrganizationId is not { } partnerId || !actor.TakesPartIn(body.Program!))
        {
            throw new ForbiddenException("program.outside", "Your organization does not take part in this program.");
        }
        var operatorId = body.OperatorOrganizationId!.Value;
        if (!await db.ProgramParticipants.AnyAsync(p => p.ProgramKey == body.Program && p.OrganizationId == operatorId && p.IsOperator, cancellationToken))
        {
            throw new BusinessRuleException("season_event.unknown_operator", "This organization does not operate the program.");
        }
        var e = SeasonEvent.Schedule(body.Program!, operatorId, SeasonEventKind.Mediation, body.Title!.Trim(), body.Description?.Trim(), body.StartsAt!.Value, body.Place!.Trim(),
            body.Capacity!.Value, body.Audience ?? [], clock.GetUtcNow(), proposedBy: partnerId);
        db.SeasonEvents.Add(e);
        await notices.PublishAsync(db, e, "mediation-proposed", clock.GetUtcNow(), cancellationToken);
        return SeasonEventAccess.ToDto(e, actor);
    }
}
