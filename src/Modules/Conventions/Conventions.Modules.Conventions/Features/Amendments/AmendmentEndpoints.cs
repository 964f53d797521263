using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class AmendmentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions/{id:guid}/amendments").WithTags("Amendments");

        group.MapPost("/", async Task<Created<AmendmentDto>> (Guid id, AmendmentBody body, IMediator mediator, CancellationToken ct) =>
            {
                var amendment = await mediator.Send(new DraftAmendment(id, body), ct);
                return TypedResults.Created(amendment.DocumentUrl, amendment);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("Proposes an amendment (avenant): either party (its operator's admins, its partner's staff) or the platform, with its summary and changes, rendered as its own document referring to the convention's hash; both then sign it.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapGet("/", async Task<Ok<ListResponse<AmendmentDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAmendments(id), ct)))
            .WithSummary("The convention's amendments, applied and open.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{amendmentId:guid}/document", async Task<Results<ContentHttpResult, FileContentHttpResult>> (Guid id, Guid amendmentId, HttpContext http, IMediator mediator, CancellationToken ct) =>
                DocumentFormats.WantsPdf(http.Request)
                    ? DocumentFormats.PdfResult(http.Response, await mediator.Send(new PrintAmendmentPdf(id, amendmentId), ct), $"avenant-{amendmentId}.pdf")
                    : TypedResults.Content(await mediator.Send(new GetAmendmentDocument(id, amendmentId), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .OffersArchivedPdf()
            .WithSummary("The amendment's document (HTML; ?format=pdf or Accept: application/pdf for its PDF/A-3b, printed once per state and kept).")
            .ProducesRefusals(400, 401, 403, 404, 503);

        group.MapPost("/{amendmentId:guid}/signatures", async Task<Created<AmendmentDto>> (Guid id, Guid amendmentId, SignatureBody body, IMediator mediator, CancellationToken ct) =>
            {
                var amendment = await mediator.Send(new SignAmendment(id, amendmentId, body), ct);
                return TypedResults.Created(amendment.DocumentUrl, amendment);
            })
            .RequireRoles(Role.OperatorAdmin, Role.Partner)
            .WithSummary("Records a party's signature of the amendment, by a key of its own organization naming one of its registered signatory contacts, dated the server's day, with its evidence; with both, it is applied and the convention's version goes up by one.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
