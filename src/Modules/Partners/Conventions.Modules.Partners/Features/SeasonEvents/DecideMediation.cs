using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

internal sealed record DeclineBody
{
    /// <example>Le programme de la saison est complet ; à reproposer en juin.</example>
    public string? Reason { get; init; }
}

/// <summary>The operator accepts a proposed mediation activity into the programme.</summary>
internal sealed record AcceptMediation(Guid EventId) : ICommand<SeasonEventDto>;

/// <summary>The operator declines a proposed mediation activity, with its reason.</summary>
internal sealed record DeclineMediation(Guid EventId, DeclineBody Body) : ICommand<SeasonEventDto>;

internal sealed class DeclineMediationValidator : AbstractValidator<DeclineMediation>
{
    public DeclineMediationValidator() => RuleFor(c => c.Body.Reason).RequiredText(1000).OverridePropertyName("reason");
}

internal sealed class DecideMediationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, MediationNotices notices) :
    ICommandHandler<AcceptMediation, SeasonEventDto>, ICommandHandler<DeclineMediation, SeasonEventDto>
{
    public async ValueTask<SeasonEventDto> Handle(AcceptMediation command, CancellationToken cancellationToken)
    {
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        SeasonEventAccess.EnsureOperator(current.Actor, e);
        e.Accept();
        await notices.PublishAsync(db, e, "mediation-accepted", clock.GetUtcNow(), cancellationToken);
        return SeasonEventAccess.ToDto(e, current.Actor);
    }

    public async ValueTask<SeasonEventDto> Handle(DeclineMediation command, CancellationToken cancellationToken)
    {
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        SeasonEventAccess.EnsureOperator(current.Actor, e);
        e.Decline(command.Body.Reason!.Trim());
        await notices.PublishAsync(db, e, "mediation-declined", clock.GetUtcNow(), cancellationToken);
        return SeasonEventAccess.ToDto(e, current.Actor);
    }
}
