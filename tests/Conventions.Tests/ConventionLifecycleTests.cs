using System.Net;
using Conventions.Testing;
using Conventions.Tests.Driver;

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
        var conventions = await ConventionsDriver.CultureAsync(factory);
        var draft = await conventions.DraftCultureAsync();
        Assert.Equal(("draft", null), (draft.Status, draft.DocumentSha256));

        var sent = await conventions.SendCall(draft.Id).ExpectAsync<ConventionView>(HttpStatusCode.OK);
        Assert.Equal("awaiting-signatures", sent.Status);
        Assert.Matches("^[0-9a-f]{64}$", sent.DocumentSha256);

        var signed = await conventions.SignBothAsync(draft.Id, send: false);

        Assert.Equal(("active", sent.DocumentSha256), (signed.Status, signed.DocumentSha256));
        Assert.Equal(["operator", "partner"], signed.Signatures.Select(s => s.Party));
        Assert.Equal(("2026-10-01", 1), (signed.CurrentPeriod.StartsOn, signed.Version));
    }

    [Fact]
    public async Task A_convention_signed_before_its_start_is_signed_until_the_renewals_job_activates_it_on_its_start_date()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory, "Structure de la saison prochaine");
        var id = (await conventions.DraftCultureAsync("2027-10-01", "2028-09-30")).Id;

        Assert.Equal("signed", (await conventions.SignBothAsync(id)).Status);

        factory.Clock.SetParisDate(new DateOnly(2027, 10, 1), new TimeOnly(0, 30));
        try
        {
            await factory.RunJobAsync("renewals");
            Assert.Equal("active", (await conventions.ConventionAsync(id)).Status);
        }
        finally
        {
            factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        }
    }

    [Fact]
    public async Task Every_wrong_step_is_a_409_with_its_code()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory, "Structure pressée");
        var id = (await conventions.DraftCultureAsync()).Id;
        var signature = ConventionsDriver.Signature("partner");

        await conventions.SignCall(conventions.Partner, id, signature).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_awaiting_signatures");
        await conventions.SendCall(id).ExpectAsync(HttpStatusCode.OK);
        await conventions.SendCall(id).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.frozen");
        await conventions.EditCall(id, new { place = "Villeurbanne" }).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.frozen");
        await conventions.SignCall(conventions.Partner, id, signature).ExpectAsync(HttpStatusCode.Created);
        await conventions.SignCall(conventions.Partner, id, signature).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.already_signed");
    }

    [Fact]
    public async Task A_draft_can_be_edited_until_it_is_sent()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory, "Structure hésitante");
        var id = (await conventions.DraftCultureAsync()).Id;

        var edited = await conventions.EditCall(id, new { place = "Villeurbanne", variables = new { season = "2026-2027 (bis)" } }).ExpectAsync<ConventionView>(HttpStatusCode.OK);

        Assert.Equal(("Villeurbanne", "2026-2027 (bis)"), (edited.Place, edited.Variables["season"]));
    }

    [Fact]
    public async Task A_partner_signs_only_for_itself_and_another_organization_cannot_read_the_convention()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory, "Structure honnête");
        var id = (await conventions.DraftCultureAsync()).Id;
        await conventions.SendCall(id).ExpectAsync(HttpStatusCode.OK);

        await conventions.SignCall(conventions.Partner, id, ConventionsDriver.Signature("operator", "X", "Y")).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.party_forbidden");

        var admin = factory.Admin();
        var stranger = await admin.CreateOrganizationAsync("Structure étrangère");
        var (_, strangerKey) = await admin.IssueKeyAsync(stranger, "partner");
        await factory.Client(strangerKey).GetAsync($"/api/v1/conventions/{id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
        Assert.Equal(0, (await factory.Client(strangerKey).GetAsync("/api/v1/conventions").ExpectAsync<PageView<ConventionView>>(HttpStatusCode.OK)).Total);
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
}
