using System.Net;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>Drafting, freezing and signing through the HTTP API.</summary>
public sealed class ConventionLifecycleTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task The_templates_declare_their_clauses_as_data()
    {
        var templates = await factory.Admin().GetAsync("/api/v1/convention-templates").ExpectAsync(HttpStatusCode.OK);

        var items = templates.GetProperty("items").EnumerateArray().ToDictionary(t => t.Str("key"));
        Assert.Equal("none", items["culture-pour-tous/social-partner"].Str("renewalPolicy"));
        Assert.Equal("suspend-explain-terminate", items["culture-pour-tous/social-partner"].Str("disputePolicy"));
        Assert.Equal("tacit-yearly", items["ruche-numerique/premises"].Str("renewalPolicy"));
        Assert.Equal("lapse-after-one-month", items["ruche-numerique/premises"].Str("disputePolicy"));
        Assert.Contains(items["ruche-numerique/premises"].GetProperty("commitments").EnumerateArray(), c => c.Str("text").StartsWith("informer des permanences", StringComparison.Ordinal));
        Assert.Contains(items["ruche-numerique/premises"].GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "pageCount" && p.Str("default") == "4");
    }

    [Fact]
    public async Task A_convention_is_drafted_frozen_signed_by_both_and_active_at_once_when_its_term_has_started()
    {
        var scenario = await ConventionScenario.CultureAsync(factory);
        var draft = await scenario.DraftCultureAsync();
        var id = draft.Str("id");
        Assert.Equal("draft", draft.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("documentSha256").ValueKind);

        var sent = await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("awaiting-signatures", sent.Str("status"));
        Assert.Matches("^[0-9a-f]{64}$", sent.Str("documentSha256"));

        var signed = await scenario.SignBothAsync(id, send: false);

        Assert.Equal("active", signed.Str("status"));
        Assert.Equal(sent.Str("documentSha256"), signed.Str("documentSha256"));
        Assert.Equal(new[] { "operator", "partner" }, signed.GetProperty("signatures").EnumerateArray().Select(s => s.Str("party")));
        Assert.Equal("2026-10-01", signed.GetProperty("currentPeriod").Str("startsOn"));
        Assert.Equal(1, signed.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_convention_signed_before_its_start_is_signed_until_the_renewals_job_activates_it_on_its_start_date()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure de la saison prochaine");
        var id = (await scenario.DraftCultureAsync("2027-10-01", "2028-09-30")).Str("id");

        Assert.Equal("signed", (await scenario.SignBothAsync(id)).Str("status"));

        factory.Clock.SetParisDate(new DateOnly(2027, 10, 1), new TimeOnly(0, 30));
        try
        {
            await factory.RunJobAsync("renewals");
            var convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("active", convention.Str("status"));
        }
        finally
        {
            factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        }
    }

    [Fact]
    public async Task Every_wrong_step_is_a_409_with_its_code()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure pressée");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        var signature = new { party = "partner", signatoryName = "Claire MARTIN", signatoryTitle = "Directrice", place = "Lyon", signedOn = "2026-11-20" };

        await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", signature).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_awaiting_signatures");
        await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.frozen");
        await scenario.Operator.PatchAsync($"/api/v1/conventions/{id}", JsonContent("{\"place\":\"Villeurbanne\"}")).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.frozen");
        await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", signature).ExpectAsync(HttpStatusCode.Created);
        await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", signature).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.already_signed");
    }

    [Fact]
    public async Task A_draft_can_be_edited_until_it_is_sent()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure hésitante");
        var id = (await scenario.DraftCultureAsync()).Str("id");

        var edited = await scenario.Operator.PatchAsync($"/api/v1/conventions/{id}", JsonContent("{\"place\":\"Villeurbanne\",\"variables\":{\"season\":\"2026-2027 (bis)\"}}"))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Villeurbanne", edited.Str("place"));
        Assert.Equal("2026-2027 (bis)", edited.GetProperty("variables").Str("season"));
    }

    [Fact]
    public async Task A_partner_signs_only_for_itself_and_another_organization_cannot_read_the_convention()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure honnête");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);

        var forOperator = await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "operator", signatoryName = "X", signatoryTitle = "Y", place = "Lyon", signedOn = "2026-11-20" });
        await forOperator.ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");

        var admin = factory.Admin();
        var stranger = await admin.CreateOrganizationAsync("Structure étrangère");
        var (_, strangerKey) = await admin.IssueKeyAsync(stranger, "partner");
        await factory.Client(strangerKey).GetAsync($"/api/v1/conventions/{id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
        var listed = await factory.Client(strangerKey).GetAsync("/api/v1/conventions").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("culture-pour-tous/social-partner", "2026-10-01", "2026-09-30", "endsOn")]
    [InlineData("ruche-numerique/premises", "2026-01-01", "2026-06-30", "endsOn")]
    [InlineData("nope/nope", "2026-01-01", "2026-12-31", "templateKey")]
    public async Task A_term_that_does_not_fit_its_template_is_refused(string templateKey, string startsOn, string endsOn, string field)
    {
        var scenario = templateKey.StartsWith("ruche", StringComparison.Ordinal)
            ? await ConventionScenario.RucheAsync(factory)
            : await ConventionScenario.CultureAsync(factory, $"Structure {templateKey} {endsOn}");

        var response = await scenario.Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey,
            operatorOrganizationId = scenario.OperatorId,
            partnerOrganizationId = scenario.PartnerId,
            startsOn,
            endsOn,
            place = "Lyon",
            operatorSignatory = new { fullName = "A", title = "B" },
            partnerSignatory = new { fullName = "C", title = "D" },
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_variable_is_refused()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure inventive");
        var response = await scenario.Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner",
            operatorOrganizationId = scenario.OperatorId,
            partnerOrganizationId = scenario.PartnerId,
            startsOn = "2026-10-01",
            endsOn = "2027-09-30",
            place = "Lyon",
            operatorSignatory = new { fullName = "A", title = "B" },
            partnerSignatory = new { fullName = "C", title = "D" },
            variables = new { dangerous = "x" },
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("variables.dangerous", out _));
    }

    [Fact]
    public async Task Only_the_operators_admins_draft_its_conventions()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure ambitieuse");
        var response = await scenario.Partner.PostJsonAsync("/api/v1/conventions", new { templateKey = "culture-pour-tous/social-partner" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
