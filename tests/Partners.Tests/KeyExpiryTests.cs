using System.Net;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>"Un nouveau mot de passe est attribué tous les ans": keys expire at the end of the season by default.</summary>
public sealed class KeyExpiryTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task A_key_expires_by_default_at_the_end_of_the_season_and_then_gets_401_auth_key_expired()
    {
        // The factory's clock starts on 2026-11-23 (Paris): the season ends on 2027-09-30.
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure saison");
        var issued = await admin.PostJsonAsync($"/api/v1/organizations/{organization}/credentials", new { role = "booker", label = "Accueil" })
            .ExpectAsync<IssuedKeyView>(HttpStatusCode.Created);
        Assert.Equal("2027-09-30", issued.ExpiresOn);
        var client = factory.Client(issued.Key);

        factory.Clock.SetParisDate(new DateOnly(2027, 9, 30), new TimeOnly(23, 59));
        await client.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);

        factory.Clock.SetParisDate(new DateOnly(2027, 10, 1), new TimeOnly(0, 1));
        await client.GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.key_expired");

        factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public async Task An_expiry_date_in_the_past_is_refused()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure date passée");

        var response = await admin.PostJsonAsync($"/api/v1/organizations/{organization}/credentials", new { role = "booker", label = "x", expiresOn = "2020-01-01" });

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
