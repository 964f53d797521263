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
            .WithSummary("Records the committee's decision: renew, or not (the convention then expires at the end of the period).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);
    }
}
