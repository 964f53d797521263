using System.Net;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>A host that allows one portal's origin.</summary>
public sealed class PortalOriginFactory : ConventionsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Cors:AllowedOrigins:0", "https://portail.example.org")];
}

/// <summary>Browser portals (issue 15, point 7): the allowed origins are configured, none by default.</summary>
public sealed class CorsTests(PortalOriginFactory factory) : IClassFixture<PortalOriginFactory>
{
    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/bookings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        return request;
    }

    [Fact]
    public async Task An_allowed_origin_gets_its_preflight_answered_without_a_key()
    {
        var response = await factory.Client().SendAsync(Preflight("https://portail.example.org"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://portail.example.org", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_header()
    {
        var response = await factory.Client().SendAsync(Preflight("https://ailleurs.example.com"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/directory");
        get.Headers.Add("Origin", "https://ailleurs.example.com");
        var answered = await factory.Client().SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.False(answered.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task By_default_no_origin_is_allowed()
    {
        await using var plain = new ConventionsFactory();
        var response = await plain.Client().SendAsync(Preflight("https://portail.example.org"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
