using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>
/// Originals as PDF (issue 18), printed by WeasyPrint from the same HTML and read back with poppler-utils (pdftotext,
/// pdfdetach, pdfinfo): every article is there, the frozen one is PDF/A-3b with its HTML attached, printed once and kept.
/// </summary>
public sealed class PdfDocumentTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private static async Task<string> Poppler(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    private static async Task<(byte[] Pdf, string Sha256)> PdfAsync(HttpClient client, string url, bool byAccept = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, byAccept ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}format=pdf");
        if (byAccept)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html", 0.5));
        }
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var sha = response.Headers.GetValues("X-Pdf-Sha256").Single();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), sha);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(pdf))}:", response.Headers.GetValues("Content-Digest").Single());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        return (pdf, sha);
    }

    private static async Task<string> TextOf(byte[] pdf, string tool = "pdftotext", params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"conventions-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return tool == "pdftotext" ? await Poppler(tool, [.. options, file, "-"]) : await Poppler(tool, [.. options, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_signed_ruche_original_as_pdf_carries_every_article_its_filled_line_and_its_evidence_and_is_kept()
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var id = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze");
        var url = $"/api/v1/conventions/{id}/document?original=1";

        var (pdf, sha) = await PdfAsync(scenario.Partner, url);
        var text = await TextOf(pdf);

        foreach (var article in new[] { "ARTICLE 1 : Durée de la convention", "ARTICLE 2 : Engagements - moyens dédiés", "ARTICLE 3 : Respect du règlement intérieur",
                     "ARTICLE 4 : Suivi - bilans", "ARTICLE 5 : Communication", "ARTICLE 6 : Révision - résiliation - règlement des conflits" })
        {
            Assert.Contains(article, text, StringComparison.Ordinal);
        }
        Assert.Contains("Exemplaire original 1/2", text, StringComparison.Ordinal);
        Assert.Contains("À Bagnols-sur-Cèze, le 23 novembre 2026", text, StringComparison.Ordinal);
        Assert.Contains("Dossier de preuve", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 / ", text, StringComparison.Ordinal);

        // Archival: PDF/A-3b, with the HTML it was printed from attached.
        Assert.Contains("original.html", await TextOf(pdf, "pdfdetach", "-list"), StringComparison.Ordinal);
        Assert.Contains("pdfaid:part", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        // Printed once: the same state answers the same bytes, asked by format or by Accept.
        var (again, againSha) = await PdfAsync(scenario.Operator, url, byAccept: true);
        Assert.Equal(sha, againSha);
        Assert.Equal(pdf, again);

        // A browser's link (no key) opens that same kept PDF.
        var link = (await scenario.Partner.GetAsync($"/api/v1/conventions/{id}/document-link?original=1").ExpectAsync(HttpStatusCode.OK)).Str("url");
        var (linked, linkedSha) = await PdfAsync(factory.Client(), link);
        Assert.Equal(sha, linkedSha);
        Assert.Equal(pdf, linked);
    }

    [Fact]
    public async Task A_draft_prints_as_pdf_each_time_and_a_wrong_format_is_a_400()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure imprimée");
        var id = (await scenario.DraftCultureAsync()).Str("id");

        var (pdf, _) = await PdfAsync(scenario.Operator, $"/api/v1/conventions/{id}/document");
        var text = await TextOf(pdf);

        Assert.Contains("PROJET", text, StringComparison.Ordinal);
        Assert.Contains("ARTICLE 1 : Objet de la convention", text, StringComparison.Ordinal);
        Assert.Contains("ARTICLE 2 : Engagements des deux parties", text, StringComparison.Ordinal);
        Assert.DoesNotContain("original.html", await TextOf(pdf, "pdfdetach", "-list"), StringComparison.Ordinal);
        await scenario.Operator.GetAsync($"/api/v1/conventions/{id}/document?format=docx").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var html = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}/document?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Amendments_and_letters_print_as_pdf_too()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure avenante");
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);
        var amendment = (await scenario.Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", new { summary = "Prolongation d'un an.", changes = new { endsOn = "2028-09-30" } })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");

        var (pdf, _) = await PdfAsync(scenario.Partner, $"/api/v1/conventions/{id}/amendments/{amendment}/document");
        Assert.Contains("Prolongation d'un an.", await TextOf(pdf), StringComparison.Ordinal);

        await factory.RunJobAsync("outbox");
        // Each organization gets its own letter: the partner's.
        var notices = await factory.Admin().GetAsync($"/api/v1/notices?conventionId={id}&organizationId={scenario.PartnerId}").ExpectAsync(HttpStatusCode.OK);
        var notice = notices.GetProperty("items")[0].Str("id");
        var (letter, _) = await PdfAsync(scenario.Partner, $"/api/v1/notices/{notice}/document");
        Assert.Contains("Culture pour tous", await TextOf(letter), StringComparison.Ordinal);
    }
}
