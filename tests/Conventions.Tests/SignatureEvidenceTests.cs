using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>
/// Signatures with evidence (issue 18), through HTTP: a party signs through its own key, naming a signatory contact its
/// organization registered; the server dates it; the evidence (key, client, instant, hash) is kept and read back.
/// </summary>
public sealed class SignatureEvidenceTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private static async Task<(ConventionScenario Scenario, string Id)> SentAsync(ConventionsFactory factory, string partner)
    {
        var scenario = await ConventionScenario.CultureAsync(factory, partner);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        return (scenario, id);
    }

    private static Task<HttpResponseMessage> Sign(HttpClient client, string id, object body) => client.PostJsonAsync($"/api/v1/conventions/{id}/signatures", body);

    [Fact]
    public async Task The_signatory_is_a_registered_contact_and_the_name_and_title_are_the_contacts_not_free_text()
    {
        var (scenario, id) = await SentAsync(factory, "Structure signataire");
        var partner = scenario.Partner;

        await Sign(partner, id, new { party = "partner", signatoryName = "Quelqu'un d'autre", signatoryTitle = "Stagiaire", place = "Paris" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.unregistered_signatory");
        await Sign(partner, id, new { party = "partner", signatoryName = "Claire MARTIN", signatoryTitle = "Stagiaire", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.signatory_mismatch");
        var referent = (await scenario.Operator.GetAsync($"/api/v1/organizations/{scenario.PartnerId}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("contacts").EnumerateArray().First(c => c.Str("fullName") == "Référent Partenaire").Str("id");
        await Sign(partner, id, new { party = "partner", contactId = referent, place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.unregistered_signatory");
        await Sign(partner, id, new { party = "partner", contactId = scenario.PartnerSignatoryId, signatoryName = "Paul GIRARD", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.signatory_mismatch");
        await Sign(partner, id, new { party = "partner", place = "Lyon" }).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        // The contact's name in other case and spacing names it; what is recorded is the contact's own spelling and title.
        var signed = await Sign(partner, id, new { party = "partner", signatoryName = "  claire   martin ", place = "Lyon" }).ExpectAsync(HttpStatusCode.Created);
        var signature = signed.GetProperty("signatures").EnumerateArray().Single();
        Assert.Equal(("Claire MARTIN", "Directrice", scenario.PartnerSignatoryId, "2026-11-23"),
            (signature.Str("signatoryName"), signature.Str("signatoryTitle"), signature.Str("contactId"), signature.Str("signedOn")));
        Assert.Equal(signed.Str("documentSha256"), signature.Str("documentSha256"));
    }

    [Fact]
    public async Task The_server_dates_the_signature_and_only_a_partys_own_key_signs_for_it()
    {
        var (scenario, id) = await SentAsync(factory, "Structure datée");

        var backdated = await Sign(scenario.Partner, id, new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon", signedOn = "2001-01-01" })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("2026-11-23", backdated.GetProperty("errors").GetProperty("signedOn")[0].GetString(), StringComparison.Ordinal);
        // Neither the operator for the partner, nor the partner for the operator, nor the platform for either.
        await Sign(scenario.Operator, id, new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");
        await Sign(scenario.Partner, id, new { party = "operator", signatoryName = "Anne Sophie CONDEMINE", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");
        await Sign(factory.Admin(), id, new { party = "operator", signatoryName = "Anne Sophie CONDEMINE", place = "Lyon" })
            .ExpectAsync(HttpStatusCode.Forbidden);

        await Sign(scenario.Partner, id, new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon", signedOn = "2026-11-23" })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_document_is_never_signed_on_a_day_before_it_was_frozen()
    {
        await using var own = new ConventionsFactory();
        var (scenario, id) = await SentAsync(own, "Structure pressée");
        own.Clock.SetParisDate(new DateOnly(2026, 11, 22));

        await Sign(scenario.Partner, id, new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.before_freeze");
    }

    [Fact]
    public async Task The_evidence_lists_every_step_from_draft_to_active_with_its_hash_and_each_signatures_key_client_and_instant()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure prouvée");
        var id = (await scenario.DraftCultureAsync("2026-10-01")).Str("id");
        var signed = await scenario.SignBothAsync(id);
        var frozen = signed.Str("documentSha256");

        var evidence = await scenario.Partner.GetAsync($"/api/v1/conventions/{id}/evidence").ExpectAsync(HttpStatusCode.OK);

        var steps = evidence.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["drafted", "sent-for-signature", "signed", "signed", "signed-by-both", "activated"], steps.Select(s => s.Str("kind")));
        Assert.Matches("^[0-9a-f]{64}$", steps[0].Str("documentSha256"));
        Assert.NotEqual(frozen, steps[0].Str("documentSha256"));
        Assert.All(steps.Skip(1), s => Assert.Equal(frozen, s.Str("documentSha256")));
        Assert.Equal("2026-11-23T12:00:00+01:00", steps[1].Str("atParis"));

        var signatures = evidence.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["operator", "partner"], signatures.Select(s => s.Str("party")));
        foreach (var signature in signatures)
        {
            Assert.Equal((TestClientAddress.Address, TestClientAddress.UserAgent, frozen), (signature.Str("clientAddress"), signature.Str("userAgent"), signature.Str("documentSha256")));
            Assert.Matches("^[0-9a-f-]{36}$", signature.Str("credentialId"));
            Assert.False(string.IsNullOrEmpty(signature.Str("credentialLabel")));
            Assert.Equal(("2026-11-23T11:00:00+00:00", "2026-11-23T12:00:00+01:00"), (signature.Str("recordedAt"), signature.Str("recordedAtParis")));
        }
        Assert.Equal(scenario.PartnerSignatoryId, signatures[1].Str("contactId"));
        Assert.Equal(steps[3].Str("credentialId"), signatures[1].Str("credentialId"));

        var stranger = await factory.Admin().CreateOrganizationAsync("Structure curieuse");
        var (_, strangerKey) = await factory.Admin().IssueKeyAsync(stranger, "partner");
        await factory.Client(strangerKey).GetAsync($"/api/v1/conventions/{id}/evidence").ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
    }

    [Fact]
    public async Task An_amendment_is_signed_the_same_way_and_its_made_in_line_is_filled_once_both_signed()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure amendée");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);
        var amendment = (await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", new { summary = "Prolongation.", changes = new { endsOn = "2027-12-31" } })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        var url = $"/api/v1/conventions/{id}/amendments/{amendment}";

        await scenario.Operator.PostJsonAsync($"{url}/signatures", new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");
        await scenario.Partner.PostJsonAsync($"{url}/signatures", new { party = "partner", signatoryName = "Inconnue", place = "Lyon" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "signature.unregistered_signatory");
        await scenario.Operator.PostJsonAsync($"{url}/signatures", new { party = "operator", contactId = scenario.OperatorSignatoryId, place = "Lyon" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Contains("le <span class=\"signing-date\">_____</span>", await scenario.Partner.GetStringAsync($"{url}/document"), StringComparison.Ordinal);
        await scenario.Partner.PostJsonAsync($"{url}/signatures", new { party = "partner", contactId = scenario.PartnerSignatoryId, place = "Villeurbanne" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Contains("À <span class=\"signing-place\">Villeurbanne</span>, le <span class=\"signing-date\">23 novembre 2026</span>",
            await scenario.Partner.GetStringAsync($"{url}/document"), StringComparison.Ordinal);
        var evidence = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}/evidence").ExpectAsync(HttpStatusCode.OK);
        var signatures = evidence.GetProperty("amendments")[0].GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["Anne Sophie CONDEMINE", "Claire MARTIN"], signatures.Select(s => s.Str("signatoryName")));
        Assert.All(signatures, s => Assert.Equal(evidence.GetProperty("amendments")[0].Str("documentSha256"), s.Str("documentSha256")));
    }
}
