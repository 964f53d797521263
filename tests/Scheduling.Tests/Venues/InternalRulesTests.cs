using System.Net;
using System.Text.Json;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Venues;

/// <summary>
/// The venue's internal rules (La Ruche, article 3): versions published by its operator, acknowledged by the partner
/// under its premises convention (who, when, which version and its hash), which a breach dispute then cites.
/// </summary>
public sealed class InternalRulesTests : SchedulingTest
{
    private string Url => $"/api/v1/venues/{Premises.VenueId}/internal-rules";

    private object Acknowledgment(int version, string by = "Maryse NORDEZ-RYEZ, présidente") => new { conventionId = Premises.ConventionId, version, acknowledgedBy = by };

    [Fact]
    public async Task The_operator_publishes_versions_and_the_partner_acknowledges_the_current_one_once_for_itself()
    {
        await Premises.DeclareAsync();
        await Premises.Partner.GetAsync(Url).ExpectProblemAsync(HttpStatusCode.NotFound, "internal_rules.not_found");
        await Premises.Partner.PostJsonAsync(Url, new { title = "Règlement", text = "Texte" }).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await Premises.Operator.PostJsonAsync(Url, new { title = "Règlement", text = "<script>x</script>\u0000" }).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var first = await Premises.Operator.PostJsonAsync(Url, new { title = "Règlement intérieur", text = "  Article 1 – Accès aux heures affichées.  " }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((1, "Article 1 – Accès aux heures affichées."), (first.GetProperty("version").GetInt32(), first.Str("text")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Article 1 – Accès aux heures affichées."u8)), first.Str("sha256"));

        // The operator does not acknowledge in the partner's name; the partner does, once per version.
        await Premises.Operator.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(1)).ExpectProblemAsync(HttpStatusCode.Forbidden, "internal_rules.partner_only");
        await Premises.Partner.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(3)).ExpectProblemAsync(HttpStatusCode.NotFound, "internal_rules.not_found");
        var acknowledged = await Premises.Partner.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(1)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((1, first.Str("sha256"), "Maryse NORDEZ-RYEZ, présidente"), (acknowledged.GetProperty("version").GetInt32(), acknowledged.Str("sha256"), acknowledged.Str("acknowledgedBy")));
        await Premises.Partner.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(1)).ExpectProblemAsync(HttpStatusCode.Conflict, "internal_rules.already_acknowledged");

        // A new version supersedes the first: the partner is told and acknowledges the new one, not the old.
        await Premises.Operator.PostJsonAsync(Url, new { title = "Règlement intérieur 2027", text = "Article 1 – Accès.\nArticle 2 – Équipements." }).ExpectAsync(HttpStatusCode.Created);
        await Premises.Partner.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(1)).ExpectProblemAsync(HttpStatusCode.Conflict, "internal_rules.superseded");
        await Factory.RunJobAsync("outbox");
        var notices = (await Factory.Admin().GetAsync($"/api/v1/notices?organizationId={Scenario.PartnerId}").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK)).Items;
        Assert.Equal(["Règlement intérieur de La Ruche Numérique : version 1", "Règlement intérieur de La Ruche Numérique : version 2"],
            notices.Where(n => n.Kind == "internal-rules-published").Select(n => n.Subject).Order(StringComparer.Ordinal));

        var overview = await Premises.Partner.GetAsync(Url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((2, 2), (overview.GetProperty("currentVersion").GetInt32(), overview.GetProperty("rules").GetProperty("version").GetInt32()));
        Assert.Equal([2, 1], overview.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(1, Assert.Single(overview.GetProperty("acknowledgments").EnumerateArray()).GetProperty("version").GetInt32());
        var old = await Premises.Partner.GetAsync($"{Url}?version=1").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Article 1 – Accès aux heures affichées.", old.GetProperty("rules").Str("text"));
    }

    [Fact]
    public async Task Another_partner_of_the_program_reads_the_rules_but_none_of_the_acknowledgments_of_others()
    {
        await Scenario.AcknowledgeInternalRulesAsync(Premises.ConventionId.ToString(), Premises.VenueId.ToString());
        var neighbour = await Scenario.Operator.CreateOrganizationAsync("Association voisine");
        var (_, key) = await Scenario.Operator.IssueKeyAsync(neighbour, "partner");
        var outsider = Factory.Client(key);

        var overview = await outsider.GetAsync(Url).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, overview.GetProperty("acknowledgments").ValueKind);
        Assert.Empty(overview.GetProperty("acknowledgments").EnumerateArray());
        Assert.Single((await Premises.Operator.GetAsync(Url).ExpectAsync(HttpStatusCode.OK)).GetProperty("acknowledgments").EnumerateArray());
        await outsider.PostJsonAsync($"{Url}/acknowledgments", Acknowledgment(1)).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
    }
}
