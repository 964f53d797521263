using System.Net;
using Conventions.Testing;
using Conventions.Tests.Driver;

namespace Conventions.Tests;

/// <summary><c>GET /conventions/{id}/document-link</c>: a document a browser can open, for 5 minutes, for those who may read it.</summary>
public sealed class DocumentLinkTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed record LinkView(string Url, DateTimeOffset ExpiresAt);

    [Fact]
    public async Task A_party_gets_a_link_that_opens_the_original_without_a_key_for_five_minutes()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var id = (await conventions.DraftCultureAsync()).Id;
        await conventions.SignBothAsync(id);

        var link = await conventions.Partner.GetAsync($"/api/v1/conventions/{id}/document-link?original=1").ExpectAsync<LinkView>(HttpStatusCode.OK);
        var browser = _factory.Client();

        Assert.Equal(_factory.Clock.GetUtcNow().AddMinutes(5), link.ExpiresAt);
        var page = await browser.GetStringAsync(link.Url);
        Assert.Contains("Exemplaire original", page, StringComparison.Ordinal);
        Assert.Contains("Claire MARTIN", page, StringComparison.Ordinal);

        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await browser.GetAsync(link.Url).ExpectProblemAsync(HttpStatusCode.Forbidden, "document_link.invalid");
        await browser.GetAsync(link.Url[..^4] + "AAAA").ExpectProblemAsync(HttpStatusCode.Forbidden, "document_link.invalid");
    }

    [Fact]
    public async Task Only_those_who_may_read_the_convention_get_a_link()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory, "Structure discrète");
        var id = (await conventions.DraftCultureAsync()).Id;
        var admin = _factory.Admin();
        var (_, strangerKey) = await admin.IssueKeyAsync(await admin.CreateOrganizationAsync("Structure curieuse"), "partner");

        await _factory.Client(strangerKey).GetAsync($"/api/v1/conventions/{id}/document-link").ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
        await _factory.Client().GetAsync($"/api/v1/conventions/{id}/document-link").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");
        // A draft has no originals yet: its link says so when opened.
        var link = await conventions.Operator.GetAsync($"/api/v1/conventions/{id}/document-link?original=1").ExpectAsync<LinkView>(HttpStatusCode.OK);
        await _factory.Client().GetAsync(link.Url).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_signed");
    }
}
