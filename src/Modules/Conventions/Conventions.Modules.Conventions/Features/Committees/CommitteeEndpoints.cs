using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

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
            .WithSummary("Records the committee's decision: renew, or not (the convention then expires at the end of the period). The partner is asked to confirm by notice.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{committeeId:guid}/answer", async Task<Ok<CommitteeDto>> (Guid id, Guid committeeId, AnswerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerDecision(id, committeeId, body), ct)))
            .RequireRoles(Role.OperatorAdmin, Role.Partner)
            .WithSummary("The partner answers the committee's decision (a key of the partner's own organization): agreeing renews by agreement of both parties; "
                + "withholding agreement ends the convention with the period; without an answer by the period's end, the tacit rule of article 1 renews it and the notice says so.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
