using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Conventions.BuildingBlocks.Errors;

/// <summary>Builds the RFC 9457 problem details every refusal of the API uses.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Create(int status, string code, string detail, HttpContext? context = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
            Type = $"https://conventions.example/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (context is not null)
        {
            problem.Instance = context.Request.Path;
            problem.Extensions["traceId"] = TraceId(context);
        }
        return problem;
    }

    /// <summary>
    /// The request's W3C trace context (<c>00-&lt;trace-id&gt;-&lt;span-id&gt;-&lt;flags&gt;</c>), the same in every problem and in
    /// the logs; the host starts an activity for each request that has none, continuing the caller's <c>traceparent</c>.
    /// </summary>
    public static string TraceId(HttpContext context) => System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;

    public static ProblemDetails From(AppException exception, HttpContext? context = null)
    {
        var problem = Create(exception.Status, exception.Code, exception.Message, context);
        if (exception is InvalidInputException invalid && invalid.Errors.Count > 0)
        {
            problem.Extensions["errors"] = invalid.Errors;
        }
        foreach (var (key, value) in exception.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "Invalid request",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Request too large",
        415 => "Unsupported media type",
        422 => "Business rule refused",
        _ => "Error",
    };
}
