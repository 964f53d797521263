using Conventions.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http.Extensions;

namespace Conventions.Host.Infrastructure;

/// <summary>Reads <c>limit</c> and <c>cursor</c> of a GET into the scoped <see cref="PageRequest"/> (400 when malformed).</summary>
internal sealed class PagingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, PageRequest page)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/api"))
        {
            var query = context.Request.Query;
            page.Read(query.TryGetValue("limit", out var limit) ? limit.ToString() : null, query.TryGetValue("cursor", out var cursor) ? cursor.ToString() : null);
        }
        return next(context);
    }
}

/// <summary>Adds the RFC 8288 <c>Link: &lt;…&gt;; rel="next"</c> header to a list answer that has a next page.</summary>
internal sealed class NextPageLinkFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is IValueHttpResult { Value: IPagedList { Next: { } cursor } })
        {
            var request = context.HttpContext.Request;
            var query = new QueryBuilder(request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
            {
                { "cursor", cursor },
            };
            context.HttpContext.Response.Headers.Append("Link", $"<{request.PathBase}{request.Path}{query}>; rel=\"next\"");
        }
        return result;
    }
}
