using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Errors;

/// <summary>
/// The one place where exceptions become problem details. Refusals keep their code and status;
/// malformed input (bad JSON, wrong types, unknown enum values, oversized bodies) becomes a 4xx;
/// only a genuine fault is a 500, logged with its trace id.
/// </summary>
public sealed partial class AppExceptionHandler(ILogger<AppExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            AppException app => Problems.From(app, httpContext),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException concurrency => Problems.From(ConcurrentChange(concurrency), httpContext),
            Microsoft.EntityFrameworkCore.DbUpdateException update when IsUniqueViolation(update) =>
                Problems.Create(409, "resource.conflict", "The same change was just made by another request (it exists already); read the resource again.", httpContext),
            ValidationException validation => Problems.From(ToInvalidInput(validation), httpContext),
            BadHttpRequestException bad => FromBadRequest(bad, httpContext),
            JsonException json => Problems.Create(400, "request.malformed", Describe(json), httpContext),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, Problems.TraceId(httpContext));
            problem = Problems.Create(500, "server.error", "An unexpected error occurred. It has been logged.", httpContext);
        }

        await Problems.WriteAsync(httpContext, problem);
        return true;
    }

    /// <summary>The refusal of the request that lost a race for a row (see <see cref="Persistence.IConcurrencyChecked"/>).</summary>
    public static AppException ConcurrentChange(Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException exception) =>
        exception.Entries.Select(e => e.Entity).OfType<Persistence.IConcurrencyChecked>().FirstOrDefault()?.ConcurrentChange()
        ?? new ConflictException("resource.changed", "Someone else changed this resource at the same time; read it again and retry.");

    /// <summary>A unique index refused a row another request inserted first (two concurrent signatures by one party).</summary>
    public static bool IsUniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public static InvalidInputException ToInvalidInput(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => ToCamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new InvalidInputException("validation.failed", "One or more fields are invalid.", errors);
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails FromBadRequest(BadHttpRequestException bad, HttpContext context)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Create(413, "request.too_large", "The request body is larger than the API accepts.", context);
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problems.Create(415, "request.unsupported_media_type", "Send the body as application/json.", context);
        }
        if (BindFailure().Match(bad.Message) is { Success: true } failed)
        {
            // A query or route value of the wrong form (?updatedSince=yesterday): named, with the form expected, and
            // without the parameter's .NET type.
            var type = failed.Groups["type"].Value.TrimEnd('?');
            var expected = type switch
            {
                "Guid" => "A UUID.",
                "DateTimeOffset" => "An instant in ISO 8601 with its offset, for example 2026-11-30T09:00:00Z.",
                "DateOnly" => "A date, YYYY-MM-DD.",
                "int" or "Int32" or "long" or "Int64" => "A whole number.",
                "bool" or "Boolean" => "true or false.",
                _ => "Not a value this parameter accepts.",
            };
            return Problems.From(InvalidInputException.Field(failed.Groups["name"].Value, expected), context);
        }
        var detail = bad.InnerException is JsonException json
            ? Describe(json)
            : "The request could not be read: " + bad.Message;
        return Problems.Create(400, "request.malformed", detail, context);
    }

    private static string Describe(JsonException json) =>
        json.Path is { Length: > 0 } path
            ? $"The JSON body is malformed or has a value of the wrong type at '{path}'."
            : "The JSON body is malformed.";

    /// <summary>
    /// The field path as the JSON body spells it: camelCase, without the <c>Body.</c> prefix of commands that wrap
    /// the request body next to route values.
    /// </summary>
    private static string ToCamelPath(string propertyName)
    {
        var path = propertyName.StartsWith("Body.", StringComparison.Ordinal) ? propertyName["Body.".Length..] : propertyName;
        return string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[A-Za-z0-9_]+)\" from ")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}
