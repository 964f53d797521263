using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

/// <summary>A season event as the operator publishes it or a partner proposes it (a mediation activity).</summary>
internal sealed record SeasonEventBody
{
    /// <example>culture-pour-tous</example>
    public string? Program { get; init; }

    /// <summary>season-meeting, training, workshop or mediation (a partner proposes mediation only).</summary>
    /// <example>season-meeting</example>
    public SeasonEventKind? Kind { get; init; }

    /// <example>Rendez-vous de saison de septembre</example>
    public string? Title { get; init; }

    /// <example>Présentation de la saison, des nouvelles offres et des outils de réservation.</example>
    public string? Description { get; init; }

    /// <example>2027-09-16T14:00:00+02:00</example>
    public DateTimeOffset? StartsAt { get; init; }

    /// <example>Maison des associations, 24 rue Etienne Rognon, Lyon</example>
    public string? Place { get; init; }

    /// <example>40</example>
    public int? Capacity { get; init; }

    /// <summary>The partner kinds it is for; empty or absent: every partner of the program.</summary>
    public IReadOnlyList<OrganizationKind>? Audience { get; init; }

    /// <summary>For a partner's proposal: which operator of the program it is proposed to.</summary>
    public Guid? OperatorOrganizationId { get; init; }
}

internal sealed class SeasonEventBodyValidator : AbstractValidator<SeasonEventBody>
{
    public SeasonEventBodyValidator(TimeProvider clock)
    {
        RuleFor(b => b.Program).Must(ProgramKeys.IsKnown).WithMessage($"One of: {string.Join(", ", ProgramKeys.All)}.");
        RuleFor(b => b.Title).RequiredText(200);
        RuleFor(b => b.Description).OptionalParagraphs(2000);
        RuleFor(b => b.StartsAt).NotNull().WithMessage("Required.").Must(d => d is null || d > clock.GetUtcNow()).WithMessage("Must be in the future.");
        RuleFor(b => b.Place).RequiredText(300);
        RuleFor(b => b.Capacity).NotNull().WithMessage("Required.").InclusiveBetween(1, 2000);
        RuleFor(b => b.Audience).Must(a => a is null || a.Count <= 10).WithMessage("At most 10 kinds.");
    }
}

/// <summary>The operator publishes a meeting, training, workshop or mediation activity for its program's partners.</summary>
internal sealed record PublishSeasonEvent(SeasonEventBody Body) : ICommand<SeasonEventDto>;

internal sealed class PublishSeasonEventValidator : AbstractValidator<PublishSeasonEvent>
{
    public PublishSeasonEventValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).SetValidator(new SeasonEventBodyValidator(clock));
        RuleFor(c => c.Body.Kind).NotNull().WithMessage("Required: season-meeting, training, workshop or mediation.").OverridePropertyName("kind");
    }
}

internal sealed class PublishSeasonEventHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<PublishSeasonEvent, SeasonEventDto>
{
    public ValueTask<SeasonEventDto> Handle(PublishSeasonEvent command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var body = command.Body;
        if (actor.SeesEverything || !actor.Operates(body.Program!) || actor.OrganizationId is not { } operatorId)
        {
            throw new ForbiddenException("season_event.operator_only", "An operator's admins publish the events of the programs their organization operates.");
        }
        var e = SeasonEvent.Schedule(body.Program!, operatorId, body.Kind!.Value, body.Title!.Trim(), body.Description?.Trim(), body.StartsAt!.Value, body.Place!.Trim(),
            body.Capacity!.Value, body.Audience ?? [], clock.GetUtcNow());
        db.SeasonEvents.Add(e);
        return ValueTask.FromResult(SeasonEventAccess.ToDto(e, actor));
    }
}
