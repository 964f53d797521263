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
