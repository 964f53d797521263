using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Conventions.Modules.Partners.Domain;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>Organizations' logos (issue 18): accepted as PNG or sanitised SVG, printed on the Ruche convention's article 5.</summary>
public sealed class LogoTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    /// <summary>A 1 × 1 PNG (signature, IHDR, IDAT, IEND).</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");

    private const string HostileSvg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
          <script>alert(2)</script>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
          <a href="https://evil.example"><rect width="5" height="5"/></a>
          <image href="https://tracker.example/pixel.png"/>
          <rect width="10" height="10" fill="url(#g)" style="fill: url(https://evil.example/x)" onclick="steal()"/>
          <circle cx="5" cy="5" r="4" fill="#0a5"/>
          <use xlink:href="https://evil.example/sprite.svg#a"/>
          <use href="#c"/>
          <linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
          <text x="1" y="9">AVAQBC</text>
        </svg>
        """;

    private static Task<HttpResponseMessage> Put(HttpClient client, string organizationId, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PutAsync($"/api/v1/organizations/{organizationId}/logo", content);
    }

    [Fact]
    public void An_svg_keeps_its_drawing_and_loses_whatever_runs_loads_or_links()
    {
        var clean = Encoding.UTF8.GetString(LogoImage.Accept("image/svg+xml", Encoding.UTF8.GetBytes(HostileSvg)).Content);

        foreach (var banned in new[] { "onload", "onclick", "script", "alert", "foreignObject", "evil.example", "tracker.example", "<a ", "<image" })
        {
            Assert.DoesNotContain(banned, clean, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#0a5\" />", clean, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#g)\"", clean, StringComparison.Ordinal);
        Assert.Contains("<use href=\"#c\" />", clean, StringComparison.Ordinal);
        Assert.Contains(">AVAQBC</text>", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_not_a_small_png_or_a_wellformed_svg_is_refused()
    {
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/png", Encoding.UTF8.GetBytes("GIF89a not a png at all, padded to be long enough")));
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/svg+xml", Encoding.UTF8.GetBytes("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")));
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/svg+xml", Encoding.UTF8.GetBytes("<html><body/></html>")));
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/gif", OnePixelPng));
        var huge = (byte[])OnePixelPng.Clone();
        huge[16] = 0x01; // width 16,777,217 pixels
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/png", huge));
        Assert.Throws<Conventions.BuildingBlocks.Errors.InvalidInputException>(() => LogoImage.Accept("image/png", new byte[LogoImage.MaxBytes + 1]));
    }

    [Fact]
    public async Task A_partner_sets_its_logo_others_read_it_and_the_ruche_convention_prints_both_logos()
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var partner = scenario.Partner;

        var set = await Put(partner, scenario.PartnerId, OnePixelPng, "image/png").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("image/png", OnePixelPng.Length), (set.Str("contentType"), set.GetProperty("bytes").GetInt32()));
        await Put(scenario.Operator, scenario.OperatorId, Encoding.UTF8.GetBytes(HostileSvg), "image/svg+xml").ExpectAsync(HttpStatusCode.OK);
        await Put(partner, scenario.PartnerId, Encoding.UTF8.GetBytes("plain"), "text/plain").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        // Another organization's key neither sets it nor removes it; every key reads it.
        await Put(partner, scenario.OperatorId, OnePixelPng, "image/png").ExpectAsync(HttpStatusCode.Forbidden);
        var read = await partner.GetAsync($"/api/v1/organizations/{scenario.OperatorId}/logo");
        Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (read.StatusCode, read.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain("script", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = (await scenario.DraftRucheAsync()).Str("id");
        var html = await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document");

        Assert.Contains($"<img class=\"logo\" src=\"data:image/png;base64,{Convert.ToBase64String(OnePixelPng)}\" alt=\"logo A.V.A.Q.B-C\">", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[logo", html, StringComparison.Ordinal);

        await partner.DeleteAsync($"/api/v1/organizations/{scenario.PartnerId}/logo").ExpectAsync(HttpStatusCode.NoContent);
        await partner.GetAsync($"/api/v1/organizations/{scenario.PartnerId}/logo").ExpectProblemAsync(HttpStatusCode.NotFound, "logo.not_found");
        Assert.Contains("[logo A.V.A.Q.B-C]", await scenario.Operator.GetStringAsync($"/api/v1/conventions/{id}/document"), StringComparison.Ordinal);
    }
}
