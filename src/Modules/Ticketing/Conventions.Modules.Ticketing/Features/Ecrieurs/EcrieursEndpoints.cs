using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>Les écrieurs, Culture pour tous' expression space (issue 19).</summary>
internal static class EcrieursEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/ecrieurs").WithTags("Les écrieurs");

        group.MapGet("/", async Task<Ok<ListResponse<PublicWritingDto>>> (Guid? offerId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPublishedWritings(offerId), ct)))
            .AllowAnonymous()
            .WithSummary("The published texts of Les écrieurs, newest first, for the program or one offer (?offerId=): public, no key; each signed only as its author agreed.")
            .ProducesRefusals(400);

        group.MapPost("/", async Task<Created<WritingDto>> (SubmitWriting command, IMediator mediator, CancellationToken ct) =>
            {
                var writing = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/ecrieurs/submissions", writing);
            })
            .RequireRoles(Role.Booker, Role.Partner)
            .WithSummary("A structure's staff submits a beneficiary's text about an outing (a confirmed booking of theirs whose session has started), with the author's consent, "
                + "signed at most with a first name or initials; plain text only (no markup, no links). It waits for the operator's moderation.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapGet("/submissions", async Task<Ok<ListResponse<WritingDto>>> (WritingStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWritingSubmissions(status), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Booker, Role.Partner)
            .ListsPersonalData("ecrieurs-submissions")
            .WithSummary("The texts submitted and their moderation: every one for the operators of Culture pour tous, a structure's own for its staff.")
            .ProducesRefusals(400, 401, 403);

        group.MapPost("/{id:guid}/publication", async Task<Ok<WritingDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ModerateWriting(id, ModerationStep.Publish, new ModerationBody()), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator publishes a submitted text.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/rejection", async Task<Ok<WritingDto>> (Guid id, ModerationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ModerateWriting(id, ModerationStep.Reject, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator rejects a submitted text, with its reason (the structure reads it in its submissions).")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/withdrawal", async Task<Ok<WritingDto>> (Guid id, ModerationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ModerateWriting(id, ModerationStep.Withdraw, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator takes a published text down, with its reason.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
