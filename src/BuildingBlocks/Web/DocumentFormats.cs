using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Conventions.BuildingBlocks.Web;

/// <summary>
/// The documents the API prints (conventions, amendments, counter-marks, receipts, letters) come as HTML or as PDF:
/// <c>?format=pdf</c>, or an <c>Accept</c> header preferring <c>application/pdf</c> to <c>text/html</c> (issue 18).
/// The PDF is printed from the very HTML the API would answer; its SHA-256 travels in <c>Content-Digest</c> (RFC 9530)
/// and <c>X-Pdf-Sha256</c>.
/// </summary>
public static class DocumentFormats
{
    public const string Pdf = "application/pdf";
    public const string Html = "text/html";

    /// <summary>True when the caller asked for the PDF; a <c>format</c> other than <c>html</c> or <c>pdf</c> is a 400.</summary>
    public static bool WantsPdf(HttpRequest request)
    {
        var format = request.Query["format"];
        if (format.Count > 1)
        {
            throw InvalidInputException.Field("format", "Once at most: html or pdf.");
        }
        switch (format.ToString().Trim().ToLowerInvariant())
        {
            case "pdf":
                return true;
            case "html":
                return false;
            case "":
                break;
            default:
                throw InvalidInputException.Field("format", "html (the default) or pdf.");
        }
        // The Accept header's best-rated of the two; HTML unless PDF is rated higher (or alone).
        var accepted = request.GetTypedHeaders().Accept;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
        var pdf = Quality(Pdf);
        return pdf > 0 && pdf > Quality(Html);
    }

    /// <summary>The PDF answer, with its digest headers; <paramref name="fileName"/> names it for a download.</summary>
    public static FileContentHttpResult PdfResult(HttpResponse response, RenderedPdf pdf, string fileName)
    {
        response.Headers["Content-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(pdf.Sha256))}:";
        response.Headers["X-Pdf-Sha256"] = pdf.Sha256;
        return TypedResults.File(pdf.Content, Pdf, fileName);
    }

    /// <summary>Says in the OpenAPI document that the endpoint answers PDF too (its handler prints and keeps it).</summary>
    public static RouteHandlerBuilder OffersArchivedPdf(this RouteHandlerBuilder builder) =>
        builder.ProducesBinary(Pdf).WithMetadata(new PdfFormatParameter());

    /// <summary>
    /// An HTML document endpoint that also answers PDF (not archived: a counter-mark, a receipt, a letter): the handler's
    /// HTML is printed as is. Says so in the OpenAPI document.
    /// </summary>
    public static RouteHandlerBuilder OffersPdf(this RouteHandlerBuilder builder, string fileName)
    {
        builder.ProducesBinary(Pdf);
        builder.WithMetadata(new PdfFormatParameter());
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var wantsPdf = WantsPdf(http.Request);
            var result = await next(context);
            if (!wantsPdf || result is not ContentHttpResult { ResponseContent: { } html })
            {
                return result;
            }
            var pdf = await http.RequestServices.GetRequiredService<PdfRenderer>().RenderAsync(html, archival: false, http.RequestAborted);
            return PdfResult(http.Response, pdf, fileName);
        });
    }
}

/// <summary>Marks a document endpoint that takes <c>format=html|pdf</c> (read by Swagger to document the parameter).</summary>
public sealed record PdfFormatParameter;
