using System.Net;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>A host with small limits, to see them work: per key, and stricter per address for failed authentications.</summary>
public sealed class RateLimitedFactory : ConventionsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:Enabled", "true"),
        new("RateLimits:PerKeyPerMinute", "5"),
        new("RateLimits:PerKeyBurst", "5"),
        new("RateLimits:FailedAuthenticationsPerMinute", "3"),
        new("RateLimits:AnonymousPerMinute", "1000"),
    ];
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task A_key_past_its_burst_gets_429_with_retry_after_and_another_key_is_not_affected()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure pressée");
        var (_, first) = await admin.IssueKeyAsync(organization, "partner");
        var (_, second) = await admin.IssueKeyAsync(organization, "booker");
        var client = factory.Client(first);

        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
        }
        var refused = await client.GetAsync("/api/v1/notices");

        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "rate.limited");
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await factory.Client(second).GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Guessing_keys_from_one_address_is_stopped_sooner()
    {
        var guesser = factory.Client("cvk_guess");
        for (var i = 0; i < 3; i++)
        {
            await guesser.GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_key");
        }

        await guesser.GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.TooManyRequests, "rate.limited");
        // The public directory (no key) is its own partition.
        await factory.Client().GetAsync("/api/v1/directory").ExpectAsync(HttpStatusCode.OK);
    }
}
