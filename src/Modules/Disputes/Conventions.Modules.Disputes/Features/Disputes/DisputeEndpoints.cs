using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Disputes.Features;

internal static class DisputeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/disputes").WithTags("Disputes");
        var parties = new[] { Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner };

        group.MapPost("/", async Task<Created<DisputeDto>> (OpenDispute command, IMediator mediator, CancellationToken ct) =>
            {
                var dispute = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/disputes/{dispute.Id}", dispute);
            })
            .RequireRoles(parties)
            .WithSummary("Opens a dispute on an active or suspended convention; its procedure and deadlines come from the convention's dispute policy.")
            .ProducesRefusals(400, 401, 403, 409, 422);

        group.MapGet("/", async Task<Ok<ListResponse<DisputeDto>>> (Guid? conventionId, DisputeStatus? status, DateTimeOffset? updatedSince, ListOrder? order, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDisputes(conventionId, status, updatedSince, order), ct)))
            .WithSummary("Lists the disputes on the caller's conventions (?conventionId= for one convention), by opening, or by last change (order=updated).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<DisputeDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDispute(id), ct)))
            .WithEntityTag()
            .WithSummary("Reads a dispute with its deadlines (each with how it was computed) and its dated events.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/explanation", async Task<Ok<DisputeDto>> (Guid id, ExplanationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Explanation, body.SubmittedOn, body.Text, null), ct)))
            .RequireRoles(parties)
            .WithSummary("The party at fault submits its explanation, within 15 days of the notification.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/agreement", async Task<Ok<DisputeDto>> (Guid id, AgreementBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Agreement, body.AgreedOn, body.Summary, null, body.Party), ct)))
            .RequireRoles(parties)
            .WithSummary("Records the caller's party's agreement. The first party's agreement is a proposal (agreement.proposedBy); when the other party records its own, the dispute is resolved and the convention reinstated. A party cannot agree twice (409 dispute.agreement_already_proposed).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/agreement/withdraw", async Task<Ok<DisputeDto>> (Guid id, WithdrawAgreementBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.WithdrawAgreement, null, null, null, body.Party), ct)))
            .RequireRoles(parties)
            .WithSummary("The party that proposed an agreement withdraws it, before the other party accepted.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/termination", async Task<Ok<DisputeDto>> (Guid id, TerminationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Termination, body.RegisteredLetter?.SentOn, null, body.RegisteredLetter?.TrackingNumber), ct)))
            .RequireRoles(parties)
            .WithSummary("The party that raised the dispute terminates by registered letter, only inside the termination window (409 otherwise).")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/remedy", async Task<Ok<DisputeDto>> (Guid id, RemedyBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeDisputeStep(id, DisputeStepKind.Remedy, body.RemediedOn, body.Summary, null), ct)))
            .RequireRoles(parties)
            .WithSummary("Records that the dysfunction was remedied before the month ran out: the convention continues.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
