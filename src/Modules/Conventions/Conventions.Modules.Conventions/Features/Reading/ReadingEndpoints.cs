using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class ReadingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapGet("/", async Task<Ok<ListResponse<ConventionDto>>> (ConventionStatus? status, string? templateKey, Guid? organizationId, DateTimeOffset? updatedSince, ListOrder? order, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConventions(status, templateKey, organizationId, updatedSince, order), ct)))
            .WithSummary("Lists the conventions the caller is a party to (all of them for platform admins); by creation, or by last change (order=updated).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<ConventionDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConvention(id), ct)))
            .WithEntityTag()
            .WithSummary("Reads a convention: status, term, current period, policies, document hash, signatures, committees, history.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{id:guid}/document", async Task<Results<ContentHttpResult, FileContentHttpResult>> (Guid id, int? original, HttpContext http, IMediator mediator, CancellationToken ct) =>
                DocumentFormats.WantsPdf(http.Request)
                    ? DocumentFormats.PdfResult(http.Response, await mediator.Send(new PrintConventionPdf(id, original), ct), $"convention-{id}{(original is { } n ? $"-original-{n}" : "")}.pdf")
                    : TypedResults.Content(await mediator.Send(new GetConventionDocument(id, original), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .OffersArchivedPdf()
            .WithSummary("The convention as printable HTML: the draft, or the frozen text with its signatures, SHA-256 and evidence file. ?original=1 or 2 prints each original. ?format=pdf (or Accept: application/pdf) answers a PDF of the same HTML: once frozen, PDF/A-3b with the HTML attached, printed once per state and kept; its SHA-256 in Content-Digest and X-Pdf-Sha256. 503 pdf.unavailable when the PDF engine fails.")
            .ProducesRefusals(400, 401, 403, 404, 409, 503);

        group.MapGet("/{id:guid}/evidence", async Task<Ok<ConventionEvidenceDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConventionEvidence(id), ct)))
            .WithSummary("The audit trail of the convention: every step from draft to active with the document's SHA-256 at each, and each signature's evidence (registered signatory, key id and label, client address, user agent, instant in UTC and Paris, hash signed); the amendments' too. For both parties.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{id:guid}/document-link", async Task<Ok<DocumentLinkDto>> (Guid id, int? original, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConventionDocumentLink(id, original), ct)))
            .WithSummary("A link to open the document in a browser without the key header (an <a href>), valid 5 minutes; same access as the document.")
            .ProducesRefusals(400, 401, 403, 404);

        api.MapGet("/document-links/{token}", async Task<Results<ContentHttpResult, FileContentHttpResult>> (string token, HttpContext http, IMediator mediator, CancellationToken ct) =>
                DocumentFormats.WantsPdf(http.Request)
                    ? DocumentFormats.PdfResult(http.Response, await mediator.Send(new PrintLinkedPdf(token), ct), "convention.pdf")
                    : TypedResults.Content(await mediator.Send(new GetLinkedDocument(token), ct), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .WithTags("Conventions")
            .ProducesText("text/html")
            .OffersArchivedPdf()
            .WithSummary("The document a link from GET /conventions/{id}/document-link names; no key: the link is the credential, for 5 minutes. ?format=pdf (or Accept: application/pdf) answers the same PDF as GET /conventions/{id}/document.")
            .ProducesRefusals(400, 403, 404, 409, 503);
    }
}
