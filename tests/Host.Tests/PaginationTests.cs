using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>Every list is paged the same way: by name, by date, or in memory for the short computed ones.</summary>
public sealed class PaginationTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(o => o.Str("name")).ToList();

    [Fact]
    public async Task Organizations_page_by_name_and_the_pages_together_are_the_whole_list_once()
    {
        var admin = factory.Admin();
        foreach (var name in new[] { "Zèbre (pages)", "Abeille (pages)", "Mésange (pages)", "Castor (pages)", "Hérisson (pages)" })
        {
            await admin.CreateOrganizationAsync(name);
        }
        var all = Names(await admin.GetAsync("/api/v1/organizations?limit=200").ExpectAsync(HttpStatusCode.OK));

        var paged = new List<string>();
        var pages = 0;
        for (var url = "/api/v1/organizations?limit=2"; url is not null; pages++)
        {
            var page = await admin.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
            paged.AddRange(Names(page));
            url = page.GetProperty("next").GetString() is { } next ? $"/api/v1/organizations?limit=2&cursor={next}" : null;
        }

        Assert.Equal(all, paged);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal((all.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task A_short_computed_list_pages_too_and_its_cursor_is_refused_once_it_no_longer_fits()
    {
        var admin = factory.Admin();

        var first = await admin.GetAsync("/api/v1/convention-templates?limit=1").ExpectAsync(HttpStatusCode.OK);
        var second = await admin.GetAsync($"/api/v1/convention-templates?limit=1&cursor={first.Str("next")}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("culture-pour-tous/social-partner", "ruche-numerique/premises"), (first.GetProperty("items")[0].Str("key"), second.GetProperty("items")[0].Str("key")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        // A cursor of another list (here a keyset one) does not fit this list.
        var organizations = await admin.GetAsync("/api/v1/organizations?limit=1").ExpectAsync(HttpStatusCode.OK);
        await admin.GetAsync($"/api/v1/convention-templates?cursor={organizations.Str("next")}").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        // Nor does a name-ordered list's cursor fit a date-ordered list: 400, never a 500.
        await admin.GetAsync($"/api/v1/conventions?cursor={organizations.Str("next")}").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
