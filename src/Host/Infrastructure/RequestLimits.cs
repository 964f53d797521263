using Conventions.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Conventions.Host.Infrastructure;

/// <summary>Refuses request bodies above the limit with 413 problem details, whatever the server (Kestrel or a test server).</summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _limit = configuration.GetValue("Api:MaxRequestBodyBytes", 256 * 1024L);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            await Problems.WriteAsync(context, Problems.Create(413, "request.too_large", $"The request body is larger than {_limit} bytes.", context));
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }
        await next(context);
    }
}

/// <summary>
/// A date in the query string (<c>?from=YYYY-MM-DD</c>) outside 1900-01-01…2199-12-31 is refused with 400, as the same
/// date in a body is (<see cref="BuildingBlocks.Web.StrictDateOnlyConverter"/>): no period reaches year 1 or 9999.
/// </summary>
internal sealed class QueryDatesMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            foreach (var (name, values) in context.Request.Query)
            {
                foreach (var value in values)
                {
                    if (value is { Length: 10 } && value[4] == '-' && value[7] == '-'
                        && DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                        && !BuildingBlocks.Web.StrictDates.InRange(date))
                    {
                        throw new InvalidInputException("validation.failed", "One or more fields are invalid.",
                            new Dictionary<string, string[]> { [name] = ["A date must fall between 1900-01-01 and 2199-12-31."] });
                    }
                }
            }
        }
        await next(context);
    }
}
