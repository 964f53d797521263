using System.Net;
using System.Text.RegularExpressions;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>
/// "Un nouveau mot de passe est attribué tous les ans" (issue 19): keys expiring are announced 30 and 7 days ahead to
/// the organization's referents, and the operator reissues the program's keys in one call, each collected once by a
/// link sent to the organization, never shown to the operator.
/// </summary>
public sealed partial class SeasonKeysTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<IReadOnlyList<(string Kind, string Subject, string Body)>> LettersAsync(HttpClient client, string kind)
    {
        await _factory.RunJobAsync("outbox");
        var notices = await client.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
        var letters = new List<(string, string, string)>();
        foreach (var notice in notices.GetProperty("items").EnumerateArray().Where(n => n.Str("kind") == kind))
        {
            var letter = await client.GetAsync($"/api/v1/notices/{notice.Str("id")}").ExpectAsync(HttpStatusCode.OK);
            letters.Add((notice.Str("kind"), notice.Str("subject"), letter.Str("bodyHtml")));
        }
        return letters;
    }

    [Fact]
    public async Task Keys_expiring_are_announced_a_month_then_a_week_ahead_once_each()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        await scenario.Operator.IssueKeyAsync(scenario.PartnerId, "booker", "2026-12-20");

        Assert.Equal(1, await _factory.RunJobAsync("key-expiry-notices"));
        Assert.Equal(0, await _factory.RunJobAsync("key-expiry-notices"));
        var month = Assert.Single(await LettersAsync(scenario.Partner, "credentials-expiring"));
        Assert.Equal("Vos clés d'accès expirent le 20 décembre 2026", month.Subject);
        Assert.Contains("expirent dans un mois", month.Body, StringComparison.Ordinal);
        Assert.Contains("booker key", month.Body, StringComparison.Ordinal);

        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 14));
        Assert.Equal(1, await _factory.RunJobAsync("key-expiry-notices"));
        Assert.Equal(0, await _factory.RunJobAsync("key-expiry-notices"));
        Assert.Contains(await LettersAsync(scenario.Partner, "credentials-expiring"), l => l.Body.Contains("dans une semaine", StringComparison.Ordinal));

        // After the expiry, nothing more.
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 21));
        Assert.Equal(0, await _factory.RunJobAsync("key-expiry-notices"));
    }

    [Fact]
    public async Task The_operator_reissues_the_programs_keys_and_each_organization_collects_its_own_once()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        await scenario.DraftCultureAsync();
        var (oldId, oldKey) = await scenario.Operator.IssueKeyAsync(scenario.PartnerId, "booker", "2026-12-31");
        var url = "/api/v1/programs/culture-pour-tous/credentials/reissue";

        await scenario.Partner.PostJsonAsync(url, new { }).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var ruche = await ConventionScenario.RucheAsync(_factory);
        await ruche.Operator.PostJsonAsync(url, new { }).ExpectProblemAsync(HttpStatusCode.Forbidden, "program.operator_only");

        var response = await scenario.Operator.PostJsonAsync(url, new { expiringBy = "2026-12-31" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("cvk_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("credential-claims", text, StringComparison.Ordinal);
        var report = await response.ReadJsonAsync();
        Assert.Equal(("2027-09-30", 1), (report.Str("newKeysExpireOn"), report.GetProperty("keys").GetInt32()));
        var organization = Assert.Single(report.GetProperty("organizations").EnumerateArray());
        Assert.Equal((scenario.PartnerId, 1, 1), (organization.Str("organizationId"), organization.GetProperty("keys").GetInt32(), organization.GetProperty("recipients").GetInt32()));

        // The letter to the partner's referents carries the link; the operator's own letters do not.
        var letter = Assert.Single(await LettersAsync(scenario.Partner, "credentials-reissued"));
        Assert.Empty(await LettersAsync(scenario.Operator, "credentials-reissued"));
        var link = ClaimLink().Match(letter.Body).Value;
        var anonymous = _factory.Client();
        var claimed = await anonymous.PostAsync(link, null).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(("booker", "2027-09-30", oldId), (claimed.Str("role"), claimed.Str("expiresOn"), claimed.Str("replaces")));
        await _factory.Client(claimed.Str("key")).GetAsync("/api/v1/bookings").ExpectAsync(HttpStatusCode.OK);
        await _factory.Client(oldKey).GetAsync("/api/v1/bookings").ExpectAsync(HttpStatusCode.OK);
        await anonymous.PostAsync(link, null).ExpectProblemAsync(HttpStatusCode.Conflict, "credential_claim.already_claimed");
        await anonymous.PostAsync("/api/v1/credential-claims/not-a-real-token", null).ExpectProblemAsync(HttpStatusCode.Forbidden, "credential_claim.invalid");

        // Again: nothing reissued twice.
        var again = await scenario.Operator.PostJsonAsync(url, new { expiringBy = "2026-12-31" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("keys").GetInt32());
    }

    [GeneratedRegex("/api/v1/credential-claims/[A-Za-z0-9_-]+")]
    private static partial Regex ClaimLink();
}
