using System.Net;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>A frozen convention changes only through an amendment, drafted, signed by both, then applied.</summary>
public sealed class AmendmentTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task An_amendment_signed_by_both_is_applied_as_a_new_version_and_keeps_the_history()
    {
        var scenario = await ConventionScenario.CultureAsync(factory);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        var hash = (await scenario.SignBothAsync(id)).Str("documentSha256");

        var amendment = await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", new
        {
            summary = "Prolongation de la convention jusqu'au 31 décembre 2027.",
            changes = new { endsOn = "2027-12-31" },
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("awaiting-signatures", amendment.Str("status"));
        Assert.Equal(hash, amendment.Str("conventionSha256"));
        var document = await scenario.Operator.GetStringAsync(amendment.Str("documentUrl"));
        Assert.Contains("AVENANT N° 1", document, StringComparison.Ordinal);
        Assert.Contains(hash, document, StringComparison.Ordinal);
        Assert.Contains("La convention prend fin le 31 décembre 2027.", document, StringComparison.Ordinal);

        var amendmentId = amendment.Str("id");
        var signature = new { signatoryName = "Claire MARTIN", signatoryTitle = "Directrice", place = "Lyon", signedOn = "2026-11-22" };
        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments/{amendmentId}/signatures", new { party = "operator", signature.signatoryName, signature.signatoryTitle, signature.place, signature.signedOn })
            .ExpectAsync(HttpStatusCode.Created);
        var applied = await scenario.Partner.PostJsonAsync($"/api/v1/conventions/{id}/amendments/{amendmentId}/signatures", new { party = "partner", signature.signatoryName, signature.signatoryTitle, signature.place, signature.signedOn })
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("applied", applied.Str("status"));
        var convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, convention.GetProperty("version").GetInt32());
        Assert.Equal("2027-12-31", convention.Str("endsOn"));
        Assert.Equal(hash, convention.Str("documentSha256"));
        Assert.Contains(convention.GetProperty("history").EnumerateArray(), h => h.Str("kind") == "amendment-applied");
        var printed = await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document?original=1");
        Assert.Contains("Avenant n° 1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_not_amended_and_a_second_amendment_waits_for_the_first()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure prudente");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        var body = new { summary = "Modification du titre de saison.", changes = new { variables = new { season = "2026-2027" } } };

        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", body).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_amendable");
        await scenario.SignBothAsync(id);
        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", body).ExpectAsync(HttpStatusCode.Created);
        await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", body).ExpectProblemAsync(HttpStatusCode.Conflict, "amendment.already_open");
    }
}
