using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Conventions.BuildingBlocks.Web;

/// <summary>
/// Entity tags of the API's resources (ADR 0017): a strong validator computed from the representation itself, the first
/// 128 bits of the SHA-256 of its JSON. It changes exactly when what the caller would read changes, the live seat counts
/// of an offer and the invitations of a booking included, which a row's version number would not follow.
/// </summary>
public static class EntityTags
{
    public const string IfMatchHeader = "If-Match";

    public const string IfNoneMatchHeader = "If-None-Match";

    public static string Of(object representation) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), JsonDefaults.Options));

    public static string Of(ReadOnlySpan<byte> json) => $"\"{Convert.ToHexStringLower(SHA256.HashData(json)[..16])}\"";

    /// <summary>
    /// True when a list of entity tags (<c>If-Match</c>, <c>If-None-Match</c>) names <paramref name="current"/> or is
    /// <c>*</c>. <paramref name="weak"/>: a <c>W/</c> tag counts too (weak comparison, for <c>If-None-Match</c>);
    /// otherwise only the same strong tag does (<c>If-Match</c>, RFC 9110 §13.1.1).
    /// </summary>
    public static bool Matches(StringValues header, string current, bool weak)
    {
        foreach (var value in header)
        {
            foreach (var raw in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (raw == "*")
                {
                    return true;
                }
                var isWeak = raw.StartsWith("W/", StringComparison.Ordinal);
                if (isWeak && !weak)
                {
                    continue;
                }
                if ((isWeak ? raw[2..] : raw) == current)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Answers this read with an <c>ETag</c>, and with 304 Not Modified, without a body, when the request's
    /// <c>If-None-Match</c> names the current one (a portal re-reading what it holds gets a few bytes, not the resource).
    /// </summary>
    public static RouteHandlerBuilder WithEntityTag(this RouteHandlerBuilder builder)
    {
        builder.WithMetadata(new EntityTagged());
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var value = result switch
            {
                IValueHttpResult { Value: { } inner } and IStatusCodeHttpResult { StatusCode: 200 or null } => inner,
                IResult => null,
                _ => result,
            };
            if (value is null)
            {
                return result;
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), JsonDefaults.Options);
            var tag = Of(json);
            var http = context.HttpContext;
            http.Response.Headers.ETag = tag;
            // Each key reads its own view of a resource: shared caches keep none, the client revalidates each time.
            http.Response.Headers.CacheControl = "private, no-cache";
            if (http.Request.Headers.TryGetValue(IfNoneMatchHeader, out var ifNoneMatch) && Matches(ifNoneMatch, tag, weak: true))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(json, "application/json; charset=utf-8");
        });
    }

    /// <summary>
    /// Honours <c>If-Match</c> on this change: the command compares it with the resource's current entity tag, in the
    /// transaction of its write, and refuses a stale one with 412 <c>precondition.failed</c> (see
    /// <see cref="Mediation.IConditionalCommand"/>). Without the header the change is made as before.
    /// </summary>
    public static RouteHandlerBuilder HonoursIfMatch(this RouteHandlerBuilder builder)
    {
        builder.WithMetadata(new IfMatchHonoured());
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers.TryGetValue(IfMatchHeader, out var ifMatch))
            {
                if (ifMatch.All(v => string.IsNullOrWhiteSpace(v)))
                {
                    throw Errors.InvalidInputException.Field(IfMatchHeader, "An entity tag read from the resource's ETag header, or *.");
                }
                http.RequestServices.GetRequiredService<ConditionalRequest>().IfMatch = ifMatch;
            }
            return await next(context);
        });
    }
}

/// <summary>The current request's <c>If-Match</c> (scoped), for the conditional command it carries.</summary>
public sealed class ConditionalRequest
{
    public StringValues? IfMatch { get; set; }

    /// <summary>The outermost conditional command checked it: commands it sends on do not.</summary>
    internal bool Checked { get; set; }
}

/// <summary>Marks a read answered with an ETag and 304 (for the OpenAPI document).</summary>
public sealed record EntityTagged;

/// <summary>Marks a change that honours If-Match (for the OpenAPI document).</summary>
public sealed record IfMatchHonoured;
