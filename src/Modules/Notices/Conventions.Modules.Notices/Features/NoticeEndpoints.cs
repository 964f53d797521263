using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Notices.Features;

internal static class NoticeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notices").WithTags("Notices");

        group.MapGet("/", async Task<Ok<ListResponse<NoticeDto>>> (
                Guid? conventionId, Guid? disputeId, Guid? organizationId, int? offset, int? limit, DateTimeOffset? updatedSince, ListOrder? order,
                IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNoticesQuery(conventionId, disputeId, organizationId, offset ?? 0, limit ?? 50, updatedSince, order), ct)))
            .ListsPersonalData("notices")
            .WithSummary("Lists the notices addressed to the caller's organization (all of them for platform admins), newest first, or oldest first with order=updated (a notice never changes: updatedSince is its creation).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<NoticeDetailDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNoticeQuery(id), ct)))
            .WithEntityTag()
            .WithSummary("Reads one notice with its French letter.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{id:guid}/document", async Task<ContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content((await mediator.Send(new GetNoticeQuery(id), ct)).BodyHtml, "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .OffersPdf("lettre.pdf")
            .WithSummary("The notice's French letter as a printable document: HTML, or PDF with ?format=pdf (or Accept: application/pdf).")
            .ProducesRefusals(400, 401, 403, 404, 503);
    }
}
