using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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

internal sealed record DecisionBody
{
    /// <summary>True to renew for one more year; false makes the convention expire at the end of the period.</summary>
    /// <example>true</example>
    public bool? Renew { get; init; }

    /// <example>Bilan positif : 42 personnes accompagnées. Reconduction acceptée par les deux parties.</example>
    public string? Minutes { get; init; }
}

internal sealed record RecordDecision(Guid ConventionId, Guid CommitteeId, DecisionBody Body) : ICommand<CommitteeDto>;

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Body.Renew).NotNull().WithMessage("Required: true or false.");
        RuleFor(c => c.Body.Minutes).RequiredParagraphs(4000);
    }
}

internal sealed class RecordDecisionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RecordDecision, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(RecordDecision command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        var committee = convention.RecordDecision(command.CommitteeId, command.Body.Renew!.Value, command.Body.Minutes!.Trim(), clock.Today(), clock.GetUtcNow());
        return ConventionMapping.ToDto(committee);
    }
}

internal static class CommitteeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions/{id:guid}/committees").WithTags("Follow-up committees");

        group.MapPost("/", async Task<Created<CommitteeDto>> (Guid id, CommitteeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new ScheduleCommittee(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Schedules the follow-up committee of a tacitly renewed convention; it meets in the last quarter of the current period (otherwise 422).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{committeeId:guid}/decision", async Task<Ok<CommitteeDto>> (Guid id, Guid committeeId, DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordDecision(id, committeeId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Records the committee's decision: renew, or not (the convention then expires at the end of the period).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);
    }
}
