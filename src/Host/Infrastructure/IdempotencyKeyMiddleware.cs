using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Idempotency;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Reads the <c>Idempotency-Key</c> of a POST (1 to 255 visible ASCII characters, or 400) for the idempotency behaviour,
/// and marks a replayed answer with <c>Idempotent-Replayed: true</c>.
/// </summary>
internal sealed class IdempotencyKeyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, IdempotencyRequest idempotency)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.TryGetValue(Header, out var values))
        {
            var key = values.Count == 1 ? values[0] : null;
            if (key is null || key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
            {
                throw InvalidInputException.Field(Header, "One key of 1 to 255 visible ASCII characters (a UUID, for example).");
            }
            idempotency.Key = key;
            context.Response.OnStarting(() =>
            {
                if (idempotency.Replayed)
                {
                    context.Response.Headers[ReplayedHeader] = "true";
                }
                return Task.CompletedTask;
            });
        }
        await next(context);
    }
}
