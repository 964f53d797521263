using System.Diagnostics;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Every request runs in a W3C trace context: when the host's instrumentation has not started an activity, one is
/// started here, continuing the caller's <c>traceparent</c> when it sends a valid one. Problems and logs quote its id.
/// </summary>
internal sealed class TraceContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is not null)
        {
            await next(context);
            return;
        }
        using var activity = new Activity("Conventions.Request");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        if (context.Request.Headers.TryGetValue("traceparent", out var parent)
            && ActivityContext.TryParse(parent.ToString(), context.Request.Headers.TraceState.ToString(), out var remote))
        {
            activity.SetParentId(remote.TraceId, remote.SpanId, remote.TraceFlags);
        }
        activity.Start();
        await next(context);
    }
}
