using System.Net;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>
/// The rendered conventions, compared with approved snapshots that were read against the seeds
/// (shared/seeds/000_… for Culture pour tous, 004_… for La Ruche Numérique).
/// </summary>
public sealed class ConventionDocumentTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task The_culture_pour_tous_draft_reproduces_the_seed_with_its_parties_dates_and_place()
    {
        var scenario = await ConventionScenario.CultureAsync(factory);
        var id = (await scenario.DraftCultureAsync("2019-10-01", "2020-09-30")).Str("id");

        var html = await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document");

        Approvals.Verify(html, "culture-pour-tous-draft");
        Assert.Contains("conclue pour la période du 1er octobre 2019 au 30 septembre 2020", html, StringComparison.Ordinal);
        Assert.Contains("PROJET", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_culture_pour_tous_convention_prints_as_two_originals_with_signatures_and_hash()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Centre social des Pentes");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        var signed = await scenario.SignBothAsync(id);
        var hash = signed.Str("documentSha256");

        var first = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document?original=1");
        var second = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document?original=2");

        Assert.Contains("Exemplaire original 1/2", first, StringComparison.Ordinal);
        Assert.Contains("Exemplaire original 2/2", second, StringComparison.Ordinal);
        Assert.Contains(hash, first, StringComparison.Ordinal);
        Assert.Contains("Claire MARTIN", first, StringComparison.Ordinal);
        Assert.DoesNotContain("PROJET", first, StringComparison.Ordinal);
        Approvals.Verify(first, "culture-pour-tous-signed-original-1");
    }

    [Fact]
    public async Task The_frozen_text_is_the_one_whose_hash_was_stored()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure vérifiée");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        var hash = (await scenario.SignBothAsync(id)).Str("documentSha256");

        var printed = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document?original=1");
        var start = printed.IndexOf("<article", StringComparison.Ordinal);
        var end = printed.IndexOf("</article>", StringComparison.Ordinal) + "</article>".Length;

        var article = printed[start..end];
        // The original carries the last signature's place and day in its "Fait à" line; with the frozen blanks restored,
        // its bytes are those whose hash was stored.
        Assert.Contains("A <span class=\"signing-place\">Lyon</span>, le <span class=\"signing-date\">23 novembre 2026</span>", article, StringComparison.Ordinal);
        Assert.NotEqual(hash, Conventions.BuildingBlocks.Rendering.DocumentHash.Sha256(article));
        var frozen = article.Replace("<span class=\"signing-date\">23 novembre 2026</span>", "<span class=\"signing-date\">_____</span>", StringComparison.Ordinal);
        Assert.Equal(hash, Conventions.BuildingBlocks.Rendering.DocumentHash.Sha256(frozen));
    }

    [Fact]
    public async Task The_signed_original_dates_its_made_in_line_from_the_last_signature_and_ends_with_the_evidence_file()
    {
        // Its own host: the clock moves.
        await using var own = new ConventionsFactory();
        var scenario = await ConventionScenario.RucheAsync(own);
        var id = (await scenario.DraftRucheAsync("2027-01-01")).Str("id");
        await scenario.Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        var unsigned = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document");
        Assert.Contains("le <span class=\"signing-date\">_____</span>", unsigned, StringComparison.Ordinal);

        own.Clock.Advance(TimeSpan.FromDays(2));
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze", send: false);
        var html = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document?original=1");

        // The seed's "le 2024" was the start year; the line now carries the day both had signed by.
        Assert.Contains("À <span class=\"signing-place\">Bagnols-sur-Cèze</span>, le <span class=\"signing-date\">25 novembre 2026</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("le 2027", html, StringComparison.Ordinal);
        Assert.Contains("Dossier de preuve", html, StringComparison.Ordinal);
        Assert.Contains("Texte figé et envoyé pour signature", html, StringComparison.Ordinal);
        Assert.Contains(TestClientAddress.Address, html, StringComparison.Ordinal);
        Assert.Contains(TestClientAddress.UserAgent, html, StringComparison.Ordinal);
        Assert.Contains("25 novembre 2026 à 12:00:00 (heure de Paris, UTC+01:00) ; 2026-11-25T11:00:00Z (UTC)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ruche_numerique_draft_reproduces_the_seed()
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var id = (await scenario.DraftRucheAsync("2024-01-01")).Str("id");

        var html = await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document");

        Approvals.Verify(html, "ruche-numerique-draft");
        Assert.Contains("s'applique à compter du 1er janvier 2024 jusqu'au 31 décembre 2024", html, StringComparison.Ordinal);
        Assert.Contains("En 2023, la Ruche numérique a accueilli 8 123 visiteurs", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_ruche_numerique_convention_carries_its_signature_blocks()
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var id = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze");

        var html = await scenario.Partner.GetStringAsync($"/api/v1/conventions/{id}/document?original=2");

        Approvals.Verify(html, "ruche-numerique-signed-original-2");
    }

    [Fact]
    public async Task A_partner_name_holding_markup_or_template_syntax_is_escaped_in_the_document()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "<img src=x onerror=alert(1)> {{ 7*7 }}");
        var id = (await scenario.DraftCultureAsync()).Str("id");

        var html = await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; {{ 7*7 }}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">49<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Originals_are_printed_only_once_signed_and_only_as_one_or_two()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure impatiente");
        var id = (await scenario.DraftCultureAsync()).Str("id");

        await scenario.Operator.GetAsync($"/api/v1/conventions/{id}/document?original=1").ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_signed");
        await scenario.Operator.GetAsync($"/api/v1/conventions/{id}/document?original=3").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
