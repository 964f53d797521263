using System.Net;
using Conventions.Testing;
using Conventions.Tests.Driver;

namespace Conventions.Tests;

/// <summary>A frozen convention changes only through an amendment, drafted, signed by both, then applied.</summary>
public sealed class AmendmentTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task An_amendment_signed_by_both_is_applied_as_a_new_version_and_keeps_the_history()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory);
        var id = (await conventions.DraftCultureAsync()).Id;
        var hash = (await conventions.SignBothAsync(id)).DocumentSha256!;

        var amendment = await conventions.AmendCall(id, new { summary = "Prolongation de la convention jusqu'au 31 décembre 2027.", changes = new { endsOn = "2027-12-31" } })
            .ExpectAsync<AmendmentView>(HttpStatusCode.Created);
        Assert.Equal(("awaiting-signatures", hash), (amendment.Status, amendment.ConventionSha256));
        var document = await conventions.Operator.GetStringAsync(amendment.DocumentUrl);
        Assert.Contains("AVENANT N° 1", document, StringComparison.Ordinal);
        Assert.Contains(hash, document, StringComparison.Ordinal);
        Assert.Contains("La convention prend fin le 31 décembre 2027.", document, StringComparison.Ordinal);

        await conventions.SignAmendmentAsync(conventions.Operator, id, amendment.Id, ConventionsDriver.Signature("operator"));
        var applied = await conventions.SignAmendmentAsync(conventions.Partner, id, amendment.Id, ConventionsDriver.Signature("partner"));

        Assert.Equal("applied", applied.Status);
        var convention = await conventions.ConventionAsync(id);
        Assert.Equal((2, "2027-12-31", hash), (convention.Version, convention.EndsOn, convention.DocumentSha256));
        Assert.Contains(convention.History, h => h.Kind == "amendment-applied");
        Assert.Contains("Avenant n° 1", await conventions.Operator.GetStringAsync($"/api/v1/conventions/{id}/document?original=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Either_party_proposes_an_amendment_and_both_sign_it_but_no_one_else_proposes()
    {
        var conventions = await ConventionsDriver.RucheAsync(factory);
        var id = (await conventions.DraftRucheAsync()).Id;
        await conventions.SignBothAsync(id, place: "Bagnols-sur-Cèze");
        var body = new { summary = "Nom complet de l'association corrigé.", changes = new { variables = new { partnerFullName = "Aide à la Valorisation et à l'Amélioration des Quartiers" } } };

        var stranger = await factory.Admin().CreateOrganizationAsync("Association voisine");
        var (_, strangerKey) = await factory.Admin().IssueKeyAsync(stranger, "partner");
        await factory.Client(strangerKey).PostJsonAsync($"/api/v1/conventions/{id}/amendments", body).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
        var proposed = await conventions.Partner.PostJsonAsync($"/api/v1/conventions/{id}/amendments", body).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("partner", proposed.Str("proposedBy"));
        var amendment = Guid.Parse(proposed.Str("id"));

        await conventions.SignAmendmentAsync(conventions.Partner, id, amendment, ConventionsDriver.Signature("partner", "Madame Maryse NORDEZ-RYEZ", "Présidente"));
        var applied = await conventions.SignAmendmentAsync(conventions.Operator, id, amendment, ConventionsDriver.Signature("operator", "Jean-Yves CHAPELET", "Maire"));

        Assert.Equal("applied", applied.Status);
        var convention = await conventions.ConventionAsync(id);
        Assert.Contains(convention.History, h => h.Kind == "amendment-drafted" && h.Detail.Contains("proposed by the partner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_is_not_amended_and_a_second_amendment_waits_for_the_first()
    {
        var conventions = await ConventionsDriver.CultureAsync(factory, "Structure prudente");
        var id = (await conventions.DraftCultureAsync()).Id;
        var body = new { summary = "Modification du titre de saison.", changes = new { variables = new { season = "2026-2027" } } };

        await conventions.AmendCall(id, body).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_amendable");
        await conventions.SignBothAsync(id);
        await conventions.AmendCall(id, body).ExpectAsync(HttpStatusCode.Created);
        await conventions.AmendCall(id, body).ExpectProblemAsync(HttpStatusCode.Conflict, "amendment.already_open");
    }
}
