using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Reports;

/// <summary>A funder report as the caller asks for it: JSON (default), <c>?format=csv</c> (or Accept text/csv), <c>?format=html</c> (or Accept text/html).</summary>
public static class ReportFormats
{
    public static IResult Result(HttpContext http, FunderReport report, string fileName)
    {
        var format = http.Request.Query["format"].ToString().Trim().ToLowerInvariant();
        var accept = http.Request.Headers.Accept.ToString();
        if (format is not ("" or "json" or "csv" or "html"))
        {
            throw InvalidInputException.Field("format", "json (the default), csv or html.");
        }
        if (format == "csv" || (format == "" && accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.File(FunderReports.Csv(report), "text/csv; charset=utf-8", $"{fileName}.csv");
        }
        if (format == "html" || (format == "" && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Content(FunderReports.Html(http.RequestServices.GetRequiredService<DocumentRenderer>(), report), "text/html; charset=utf-8");
        }
        return Results.Json(report, Web.JsonDefaults.Options);
    }
}
