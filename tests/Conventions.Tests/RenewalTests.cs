using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>Terms and tacit renewal through the renewals job, with its notices, on a moving clock.</summary>
public sealed class RenewalTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The notices one organization received about the convention (each organization gets its own letter).</summary>
    private async Task<JsonElement> NoticesAsync(string conventionId, string organizationId)
    {
        await _factory.RunJobAsync("outbox");
        return await _factory.Admin().GetAsync($"/api/v1/notices?conventionId={conventionId}&organizationId={organizationId}").ExpectAsync(HttpStatusCode.OK);
    }

    private static string[] Kinds(JsonElement notices) =>
        notices.GetProperty("items").EnumerateArray().Select(n => n.Str("kind")).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_fixed_term_sends_a_notice_a_month_before_the_end_then_expires_and_running_the_job_twice_changes_nothing()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);

        _factory.Clock.SetParisDate(new DateOnly(2027, 8, 30), new TimeOnly(0, 10));
        Assert.Equal(1, await _factory.RunJobAsync("renewals"));
        Assert.Equal(0, await _factory.RunJobAsync("renewals"));
        var notices = await NoticesAsync(id, scenario.PartnerId);
        Assert.Equal(new[] { "activated", "end-of-term-notice" }, Kinds(notices));
        var endNotice = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("kind") == "end-of-term-notice");
        // One letter per organization: the partner's goes to its referent only, the operator's to the operator's.
        Assert.Equal(scenario.PartnerId, Assert.Single(endNotice.GetProperty("organizationIds").EnumerateArray()).GetString());
        Assert.Equal("referent@partenaire.example", Assert.Single(endNotice.GetProperty("recipients").EnumerateArray()).Str("email"));
        var operatorNotice = (await NoticesAsync(id, scenario.OperatorId)).GetProperty("items").EnumerateArray().Single(n => n.Str("kind") == "end-of-term-notice");
        Assert.Equal("referente@operateur.example", Assert.Single(operatorNotice.GetProperty("recipients").EnumerateArray()).Str("email"));
        var letter = await _factory.Admin().GetAsync($"/api/v1/notices/{endNotice.Str("id")}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("arrive à son terme le 30 septembre 2027", letter.Str("bodyHtml"), StringComparison.Ordinal);

        _factory.Clock.SetParisDate(new DateOnly(2027, 10, 1), new TimeOnly(0, 10));
        Assert.Equal(1, await _factory.RunJobAsync("renewals"));
        Assert.Equal(0, await _factory.RunJobAsync("renewals"));

        var convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("expired", convention.Str("status"));
        Assert.Equal(new[] { "activated", "end-of-term-notice", "expired" }, Kinds(await NoticesAsync(id, scenario.OperatorId)));
    }

    [Fact]
    public async Task A_tacit_convention_renews_for_years_missed_one_by_one_and_a_committee_refusal_ends_it()
    {
        var scenario = await ConventionScenario.RucheAsync(_factory);
        var id = (await scenario.DraftRucheAsync("2024-01-01")).Str("id");
        _factory.Clock.SetParisDate(new DateOnly(2023, 12, 15));
        await scenario.SignBothAsync(id, signedOn: "2023-12-15", place: "Bagnols-sur-Cèze");

        // The service was down from 2024 to November 2026: one run catches up both renewals and the Q4 reminder.
        _factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        await _factory.RunJobAsync("renewals");
        var convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("active", convention.Str("status"));
        Assert.Equal(2, convention.GetProperty("renewals").GetInt32());
        Assert.Equal("2026-01-01", convention.GetProperty("currentPeriod").Str("startsOn"));
        Assert.Equal(new[] { "activated", "committee-reminder", "renewed", "renewed" }, Kinds(await NoticesAsync(id, scenario.OperatorId)));

        // Committee outside the last quarter: refused; inside: held; it decides not to renew.
        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-09-15" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "committee.outside_last_quarter");
        var committee = await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }).ExpectAsync(HttpStatusCode.Created);
        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee.Str("id")}/decision", new { renew = false, minutes = "L'association cesse ses permanences." })
            .ExpectAsync(HttpStatusCode.OK);

        _factory.Clock.SetParisDate(new DateOnly(2027, 1, 1), new TimeOnly(0, 10));
        await _factory.RunJobAsync("renewals");
        await _factory.RunJobAsync("renewals");

        convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("expired", convention.Str("status"));
        Assert.Equal(new[] { "activated", "committee-reminder", "expired", "renewed", "renewed" }, Kinds(await NoticesAsync(id, scenario.OperatorId)));
    }

    [Fact]
    public async Task Publications_must_bear_both_logos_and_are_approved_by_each_party_for_itself()
    {
        var scenario = await ConventionScenario.RucheAsync(_factory);
        var id = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze");

        await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = false })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "publication.logos_missing");
        var publication = await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true })
            .ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/conventions/{id}/publications/{publication.Str("id")}/approvals";

        await scenario.Partner.PostJsonAsync(url, new { party = "operator" }).ExpectProblemAsync(HttpStatusCode.Forbidden, "publication.party_forbidden");
        var half = await scenario.Partner.PostJsonAsync(url, new { party = "partner" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("submitted", half.Str("status"));
        await scenario.Partner.PostJsonAsync(url, new { party = "partner" }).ExpectProblemAsync(HttpStatusCode.Conflict, "publication.already_approved");
        var approved = await scenario.Operator.PostJsonAsync(url, new { party = "operator" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("approved", approved.Str("status"));
    }

    [Fact]
    public async Task A_culture_pour_tous_convention_has_no_co_approved_publications()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);

        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "publication.not_applicable");
    }
}
