using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>Every enum filter of every list takes the kebab-case values the contract documents (issue 15, point 1).</summary>
public sealed class FilterTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    /// <summary>(route, parameter, values) for every enum query parameter of a list, read from the committed contract.</summary>
    public static TheoryData<string, string> EnumFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, parameter, _) in Filters())
        {
            data.Add(route, parameter);
        }
        return data;
    }

    private static IEnumerable<(string Route, string Parameter, string[] Values)> Filters()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json")));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var found = new List<(string, string, string[])>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => !p.Name.Contains('{', StringComparison.Ordinal)))
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var schemaOf = parameter.GetProperty("schema");
                if (schemaOf.TryGetProperty("allOf", out var allOf))
                {
                    schemaOf = allOf[0];
                }
                if (schemaOf.TryGetProperty("$ref", out var reference))
                {
                    var schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                    if (schema.TryGetProperty("enum", out var values))
                    {
                        found.Add((path.Name, parameter.GetProperty("name").GetString()!, values.EnumerateArray().Select(v => v.GetString()!).ToArray()));
                    }
                }
            }
        }
        return found;
    }

    [Fact]
    public void The_contract_has_enum_filters_to_test() => Assert.True(Filters().Count() >= 7);

    [Theory]
    [MemberData(nameof(EnumFilters))]
    public async Task Each_documented_value_is_accepted_and_an_unknown_one_is_400_naming_the_parameter(string route, string parameter)
    {
        var values = Filters().Single(f => f.Route == route && f.Parameter == parameter).Values;
        var client = await ClientForAsync(route);

        foreach (var value in values)
        {
            await client.GetAsync($"{route}?{parameter}={value}").ExpectAsync(HttpStatusCode.OK);
        }
        var problem = await client.GetAsync($"{route}?{parameter}=nope").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains(values[0], message, StringComparison.Ordinal);
        Assert.DoesNotContain("Conventions.", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every list documented with <c>updatedSince</c>, read from the committed contract.</summary>
    public static TheoryData<string> SyncedLists() => new(SyncedRoutes());

    private static List<string> SyncedRoutes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json")));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "updatedSince"))
            .Select(path => path.Name)
            .ToList();
    }

    [Fact]
    public void The_lists_that_sync_are_documented() =>
        Assert.Equal(
            ["/api/v1/bookings", "/api/v1/conventions", "/api/v1/disputes", "/api/v1/notices", "/api/v1/offers", "/api/v1/organizations"],
            SyncedRoutes().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SyncedLists))]
    public async Task UpdatedSince_keeps_what_changed_from_that_instant_on_and_refuses_what_is_not_an_instant(string route)
    {
        var client = await ClientForAsync(route);
        // Something to list on every route: an organization, a convention and its notices, an offer, a booking.
        var scenario = await ConventionScenario.CultureAsync(factory, $"Structure synchronisée {Guid.NewGuid():N}");
        await scenario.DraftCultureAsync();
        var now = factory.Clock.GetUtcNow();

        var all = await client.GetAsync($"{route}?order=updated&limit=200").ExpectAsync(HttpStatusCode.OK);
        var fromNow = await client.GetAsync($"{route}?updatedSince={Uri.EscapeDataString(now.ToString("O"))}&order=updated&limit=200").ExpectAsync(HttpStatusCode.OK);
        // One microsecond later: the finest an instant is kept to on PostgreSQL (SQLite keeps ticks).
        var later = await client.GetAsync($"{route}?updatedSince={Uri.EscapeDataString(now.AddMicroseconds(1).ToString("O"))}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(0, later.GetProperty("total").GetInt32());
        var stamps = all.GetProperty("items").EnumerateArray().Select(Stamp).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count(t => t >= now), fromNow.GetProperty("total").GetInt32());
        await client.GetAsync($"{route}?updatedSince=2026-13-01").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    /// <summary>An item's last change: updatedAt, or for a notice (which never changes) its creation.</summary>
    private static DateTimeOffset Stamp(JsonElement item) =>
        (item.TryGetProperty("updatedAt", out var updated) ? updated : item.GetProperty("createdAt")).GetDateTimeOffset();

    /// <summary>The platform admin, or for a social partner's own lists (bookings), one of its booker keys.</summary>
    private async Task<HttpClient> ClientForAsync(string route)
    {
        if (route is "/api/v1/bookings" or "/api/v1/beneficiaries")
        {
            var organization = await factory.Admin().CreateOrganizationAsync($"Structure filtre {Guid.NewGuid():N}");
            var (_, key) = await factory.Admin().IssueKeyAsync(organization, "booker");
            return factory.Client(key);
        }
        return factory.Admin();
    }

    [Fact]
    public async Task A_filter_keeps_only_what_it_names()
    {
        var admin = factory.Admin();
        await admin.CreateOrganizationAsync("Théâtre filtré", "cultural-institution");
        await admin.CreateOrganizationAsync("Service social filtré", "social-service");

        var social = await admin.GetAsync("/api/v1/organizations?kind=social-service").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(0, social.GetProperty("total").GetInt32());
        Assert.All(social.GetProperty("items").EnumerateArray(), o => Assert.Equal("social-service", o.Str("kind")));

        var scenario = await ConventionScenario.CultureAsync(factory, "Structure active filtrée");
        var active = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(active);
        await scenario.DraftCultureAsync();
        var listed = await admin.GetAsync("/api/v1/conventions?status=active").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.Str("id") == active);
        Assert.All(listed.GetProperty("items").EnumerateArray(), c => Assert.Equal("active", c.Str("status")));
        // The member's own name, which worked before, still does.
        await admin.GetAsync("/api/v1/conventions?status=Active").ExpectAsync(HttpStatusCode.OK);
    }
}
