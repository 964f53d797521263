using Conventions.BuildingBlocks.Rendering;

namespace BuildingBlocks.Tests.Rendering;

public sealed class DocumentRendererTests
{
    private static readonly TemplateRef Sample = new(typeof(DocumentRendererTests).Assembly, "sample.sbn-html");

    private static object Model(string title, string name, RawHtml? signature = null) => new Dictionary<string, object?>
    {
        ["title"] = title,
        ["party"] = new { DisplayName = name },
        ["items"] = new[] { "un", "<deux>" },
        ["signature"] = signature ?? new RawHtml("<hr>"),
    };

    [Fact]
    public void Every_user_value_is_html_escaped()
    {
        var document = new DocumentRenderer().Render(Sample, Model("<script>alert(1)</script>", "Tom & \"Jerry\""));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", document.Html, StringComparison.Ordinal);
        Assert.Contains("Tom &amp; &quot;Jerry&quot;", document.Html, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;deux&gt;</li>", document.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Accented_letters_stay_readable_while_markup_characters_are_escaped()
    {
        Assert.Equal("Bagnols-sur-Cèze &amp; l&#39;Ain &lt;b&gt; &quot;é&quot;", DocumentRenderer.Escape("Bagnols-sur-Cèze & l'Ain <b> \"é\""));
        Assert.Equal("Présidente", DocumentRenderer.Escape("Présidente"));
    }

    [Fact]
    public void Template_syntax_typed_by_a_user_is_printed_not_executed()
    {
        var document = new DocumentRenderer().Render(Sample, Model("{{ 7*7 }}", "{{ for x in 1..3 }}x{{ end }}"));

        Assert.Contains("<h1>{{ 7*7 }}</h1>", document.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("49", document.Html, StringComparison.Ordinal);
        Assert.Contains("{{ for x in 1..3 }}x{{ end }}", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_the_template_author_vouches_for_is_written_as_is() =>
        Assert.EndsWith("<hr>", new DocumentRenderer().Render(Sample, Model("t", "n")).Html.TrimEnd(), StringComparison.Ordinal);

    [Fact]
    public void The_output_carries_the_sha256_of_its_utf8_bytes()
    {
        var document = new DocumentRenderer().Render(Sample, Model("Convention", "ALLIES"));

        Assert.Equal(DocumentHash.Sha256(document.Html), document.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", document.Sha256);
    }

    [Fact]
    public void A_template_is_parsed_once_and_reused()
    {
        var renderer = new DocumentRenderer();
        var first = renderer.Render(Sample, Model("a", "b"));
        var second = renderer.Render(Sample, Model("a", "b"));

        Assert.Equal(1, renderer.CachedTemplates);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void A_missing_variable_fails_loudly_instead_of_rendering_blank()
    {
        var model = new Dictionary<string, object?> { ["title"] = "t" };

        Assert.ThrowsAny<Exception>(() => new DocumentRenderer().Render(Sample, model));
    }

    [Fact]
    public void French_dates_and_amounts_are_written_as_in_the_conventions()
    {
        Assert.Equal("1er octobre 2019", French.Date(new DateOnly(2019, 10, 1)));
        Assert.Equal("30 septembre 2020", French.Date(new DateOnly(2020, 9, 30)));
        Assert.Equal("1\u202f234,50\u00a0€", French.Euros(1234.5m));
    }
}
