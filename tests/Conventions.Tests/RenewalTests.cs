using System.Net;
using Conventions.Testing;
using Conventions.Tests.Driver;

namespace Conventions.Tests;

/// <summary>Terms and tacit renewal through the renewals job, with its notices, on a moving clock.</summary>
public sealed class RenewalTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_fixed_term_sends_a_notice_a_month_before_the_end_then_expires_and_running_the_job_twice_changes_nothing()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var (partner, @operator) = (conventions.Scenario.PartnerId, conventions.Scenario.OperatorId);
        var id = (await conventions.DraftCultureAsync()).Id;
        await conventions.SignBothAsync(id);

        _factory.Clock.SetParisDate(new DateOnly(2027, 8, 30), new TimeOnly(0, 10));
        Assert.Equal(1, await _factory.RunJobAsync("renewals"));
        Assert.Equal(0, await _factory.RunJobAsync("renewals"));
        Assert.Equal(["activated", "end-of-term-notice"], await conventions.NoticeKindsAsync(id, partner));
        var endNotice = (await conventions.NoticesAsync(id, partner)).Single(n => n.Kind == "end-of-term-notice");
        // One letter per organization: the partner's goes to its referent only, the operator's to the operator's.
        Assert.Equal(Guid.Parse(partner), Assert.Single(endNotice.OrganizationIds));
        Assert.Equal("referent@partenaire.example", Assert.Single(endNotice.Recipients).Email);
        var operatorNotice = (await conventions.NoticesAsync(id, @operator)).Single(n => n.Kind == "end-of-term-notice");
        Assert.Equal("referente@operateur.example", Assert.Single(operatorNotice.Recipients).Email);
        Assert.Contains("arrive à son terme le 30 septembre 2027", (await conventions.LetterAsync(endNotice.Id)).BodyHtml, StringComparison.Ordinal);

        _factory.Clock.SetParisDate(new DateOnly(2027, 10, 1), new TimeOnly(0, 10));
        Assert.Equal(1, await _factory.RunJobAsync("renewals"));
        Assert.Equal(0, await _factory.RunJobAsync("renewals"));

        Assert.Equal("expired", (await conventions.ConventionAsync(id)).Status);
        Assert.Equal(["activated", "end-of-term-notice", "expired"], await conventions.NoticeKindsAsync(id, @operator));
    }

    [Fact]
    public async Task A_tacit_convention_renews_for_years_missed_one_by_one_and_a_committee_refusal_ends_it()
    {
        var conventions = await ConventionsDriver.RucheAsync(_factory);
        var @operator = conventions.Scenario.OperatorId;
        var id = (await conventions.DraftRucheAsync("2024-01-01")).Id;
        _factory.Clock.SetParisDate(new DateOnly(2023, 12, 15));
        await conventions.SignBothAsync(id, signedOn: "2023-12-15", place: "Bagnols-sur-Cèze");

        // The service was down from 2024 to November 2026: one run catches up both renewals and the Q4 reminder.
        _factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        await _factory.RunJobAsync("renewals");
        var convention = await conventions.ConventionAsync(id);
        Assert.Equal(("active", 2, "2026-01-01"), (convention.Status, convention.Renewals, convention.CurrentPeriod.StartsOn));
        Assert.Equal(["activated", "committee-reminder", "renewed", "renewed"], await conventions.NoticeKindsAsync(id, @operator));

        // Committee outside the last quarter: refused; inside: held; it decides not to renew.
        await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-09-15" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "committee.outside_last_quarter");
        var committee = await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }).ExpectAsync<CommitteeView>(HttpStatusCode.Created);
        await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee.Id}/decision", new { renew = false, minutes = "L'association cesse ses permanences." })
            .ExpectAsync(HttpStatusCode.OK);

        _factory.Clock.SetParisDate(new DateOnly(2027, 1, 1), new TimeOnly(0, 10));
        await _factory.RunJobAsync("renewals");
        await _factory.RunJobAsync("renewals");

        Assert.Equal("expired", (await conventions.ConventionAsync(id)).Status);
        Assert.Equal(["activated", "committee-decision", "committee-reminder", "expired", "renewed", "renewed"], await conventions.NoticeKindsAsync(id, @operator));
    }

    [Theory]
    [InlineData("agrees", "active", "après accord des deux parties : le comité de suivi l'a décidé et")]
    [InlineData("silent", "active", "n'a pas confirmé cette décision avant la fin de la période : c'est donc la règle de tacite reconduction de l'article 1 qui s'applique")]
    [InlineData("declines", "expired", "n'ayant pas donné son accord à la reconduction proposée par le comité de suivi")]
    public async Task The_committees_renewal_holds_once_the_partner_confirms_and_without_an_answer_the_tacit_rule_applies_and_says_so(
        string answer, string status, string letterSays)
    {
        var conventions = await ConventionsDriver.RucheAsync(_factory);
        var (partner, @operator) = (conventions.Scenario.PartnerId, conventions.Scenario.OperatorId);
        var id = (await conventions.DraftRucheAsync("2026-01-01")).Id;
        _factory.Clock.SetParisDate(new DateOnly(2025, 12, 15));
        await conventions.SignBothAsync(id, place: "Bagnols-sur-Cèze");
        _factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        await _factory.RunJobAsync("renewals");
        var committee = await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }).ExpectAsync<CommitteeView>(HttpStatusCode.Created);
        var answerUrl = $"/api/v1/conventions/{id}/committees/{committee.Id}/answer";

        // Nothing to answer before the decision; the operator cannot answer for the partner, nor can the platform.
        await conventions.Partner.PostJsonAsync(answerUrl, new { agrees = true }).ExpectProblemAsync(HttpStatusCode.Conflict, "committee.not_decided");
        await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee.Id}/decision", new { renew = true, minutes = "Bilan positif : 42 personnes accompagnées." })
            .ExpectAsync(HttpStatusCode.OK);
        var decisionNotice = (await conventions.NoticesAsync(id, partner)).Single(n => n.Kind == "committee-decision");
        Assert.Contains("est invitée à confirmer son accord, ou à faire part de son désaccord, avant le 31 décembre 2026", (await conventions.LetterAsync(decisionNotice.Id)).BodyHtml, StringComparison.Ordinal);
        await conventions.Operator.PostJsonAsync(answerUrl, new { agrees = true }).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");
        await _factory.Admin().PostJsonAsync(answerUrl, new { agrees = true }).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await conventions.Partner.PostJsonAsync(answerUrl, new { }).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        if (answer != "silent")
        {
            var answered = await conventions.Partner.PostJsonAsync(answerUrl, new { agrees = answer == "agrees", comment = "Vu en bureau le 24 novembre." })
                .ExpectAsync<CommitteeView>(HttpStatusCode.OK);
            Assert.Equal((true, answer == "agrees", "Vu en bureau le 24 novembre."), (answered.Renew!.Value, answered.PartnerAgrees!.Value, answered.PartnerComment));
            await conventions.Partner.PostJsonAsync(answerUrl, new { agrees = true }).ExpectProblemAsync(HttpStatusCode.Conflict, "committee.already_answered");
            Assert.Contains("committee-answer", await conventions.NoticeKindsAsync(id, @operator));
        }

        _factory.Clock.SetParisDate(new DateOnly(2027, 1, 1), new TimeOnly(0, 10));
        await _factory.RunJobAsync("renewals");
        await conventions.Partner.PostJsonAsync(answerUrl, new { agrees = true })
            .ExpectProblemAsync(HttpStatusCode.Conflict, answer == "silent" ? (status == "active" ? "committee.period_over" : "convention.not_active") : "committee.already_answered");
        Assert.Equal(status, (await conventions.ConventionAsync(id)).Status);
        var outcome = (await conventions.NoticesAsync(id, partner)).Single(n => n.Kind == (status == "active" ? "renewed" : "expired"));
        Assert.Contains(letterSays, (await conventions.LetterAsync(outcome.Id)).BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publications_must_bear_both_logos_and_are_approved_by_each_party_for_itself()
    {
        var conventions = await ConventionsDriver.RucheAsync(_factory);
        var id = (await conventions.DraftRucheAsync()).Id;
        await conventions.SignBothAsync(id, place: "Bagnols-sur-Cèze");

        await conventions.Partner.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = false })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "publication.logos_missing");
        var publication = await conventions.Partner.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true })
            .ExpectAsync<PublicationView>(HttpStatusCode.Created);
        var url = $"/api/v1/conventions/{id}/publications/{publication.Id}/approvals";

        await conventions.Partner.PostJsonAsync(url, new { party = "operator" }).ExpectProblemAsync(HttpStatusCode.Forbidden, "publication.party_forbidden");
        Assert.Equal("submitted", (await conventions.Partner.PostJsonAsync(url, new { party = "partner" }).ExpectAsync<PublicationView>(HttpStatusCode.Created)).Status);
        await conventions.Partner.PostJsonAsync(url, new { party = "partner" }).ExpectProblemAsync(HttpStatusCode.Conflict, "publication.already_approved");
        Assert.Equal("approved", (await conventions.Operator.PostJsonAsync(url, new { party = "operator" }).ExpectAsync<PublicationView>(HttpStatusCode.Created)).Status);
    }

    [Fact]
    public async Task A_culture_pour_tous_convention_has_no_co_approved_publications()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var id = (await conventions.DraftCultureAsync()).Id;
        await conventions.SignBothAsync(id);

        await conventions.Operator.PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "publication.not_applicable");
    }
}
