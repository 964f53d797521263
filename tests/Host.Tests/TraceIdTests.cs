using System.Net;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>One trace id format in every problem: the W3C trace context, continuing the caller's traceparent.</summary>
public sealed class TraceIdTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private const string W3C = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    [Fact]
    public async Task Refusals_of_the_api_and_of_the_framework_carry_a_w3c_trace_id()
    {
        var refused = await factory.Client().GetAsync("/api/v1/conventions").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");
        var unknown = await factory.Admin().GetAsync("/api/v1/nowhere").ExpectProblemAsync(HttpStatusCode.NotFound, "route.not_found");

        Assert.Matches(W3C, refused.Str("traceId"));
        Assert.Matches(W3C, unknown.Str("traceId"));
    }

    [Fact]
    public async Task A_callers_traceparent_is_continued()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conventions");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        var problem = await (await factory.Client().SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");

        Assert.StartsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-", problem.Str("traceId"), StringComparison.Ordinal);
    }
}
