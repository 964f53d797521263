using System.Net;
using System.Text.Json;
using Conventions.Testing;
using Conventions.Tests.Driver;

namespace Conventions.Tests;

/// <summary>
/// Conditional requests and sync (ADR 0017): a read carries an ETag and answers 304 to a current If-None-Match; a
/// PATCH with a stale If-Match is 412 and changes nothing; updatedAt follows changes and lists take updatedSince.
/// </summary>
public sealed class ConditionalRequestTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Url(Guid id) => $"/api/v1/conventions/{id}";

    [Fact]
    public async Task A_read_answers_304_to_its_current_etag_and_200_with_a_new_one_once_the_convention_changed()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var id = (await conventions.DraftCultureAsync()).Id;

        var first = await conventions.Operator.GetAsync(Url(id));
        var etag = first.ETag();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);
        Assert.Equal(etag, (await conventions.Operator.GetAsync(Url(id))).ETag());

        var unchanged = await conventions.Operator.SendWithAsync(HttpMethod.Get, Url(id), null, ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, unchanged.ETag());
        // A weak form of the same tag, or a list naming it, revalidates too.
        Assert.Equal(HttpStatusCode.NotModified, (await conventions.Operator.SendWithAsync(HttpMethod.Get, Url(id), null, ("If-None-Match", $"\"other\", W/{etag}"))).StatusCode);

        await conventions.EditCall(id, new { place = "Villeurbanne" }).ExpectAsync(HttpStatusCode.OK);

        var changed = await conventions.Operator.SendWithAsync(HttpMethod.Get, Url(id), null, ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.ETag());
        Assert.Equal("Villeurbanne", JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.Str("place"));
    }

    [Fact]
    public async Task A_change_with_a_stale_if_match_is_412_and_changes_nothing_while_the_current_one_goes_through()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var id = (await conventions.DraftCultureAsync()).Id;
        var read = (await conventions.Operator.GetAsync(Url(id))).ETag();

        // Someone else changes the draft meanwhile.
        await conventions.EditCall(id, new { place = "Villeurbanne" }).ExpectAsync(HttpStatusCode.OK);

        await conventions.Operator.SendWithAsync(HttpMethod.Patch, Url(id), new { place = "Vénissieux" }, ("If-Match", read))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        Assert.Equal("Villeurbanne", (await conventions.ConventionAsync(id)).Place);

        var current = (await conventions.Operator.GetAsync(Url(id))).ETag();
        // If-Match compares strongly: the weak form of the current tag does not match.
        await conventions.Operator.SendWithAsync(HttpMethod.Patch, Url(id), new { place = "Vénissieux" }, ("If-Match", "W/" + current))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        await conventions.Operator.SendWithAsync(HttpMethod.Patch, Url(id), new { place = "Vénissieux" }, ("If-Match", current)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Vénissieux", (await conventions.ConventionAsync(id)).Place);
        await conventions.Operator.SendWithAsync(HttpMethod.Patch, Url(id), new { place = "Bron" }, ("If-Match", "*")).ExpectAsync(HttpStatusCode.OK);
        await conventions.Operator.SendWithAsync(HttpMethod.Patch, Url(id), new { place = "Bron" }, ("If-Match", " "))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task UpdatedAt_follows_changes_and_updatedSince_lists_only_what_changed_in_the_order_of_change()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);
        var clock = _factory.Clock;
        var first = (await conventions.DraftCultureAsync()).Id;
        var second = (await conventions.DraftCultureAsync()).Id;
        var created = await UpdatedAtAsync(conventions, first);
        Assert.Equal(clock.GetUtcNow(), created);

        clock.Advance(TimeSpan.FromMinutes(10));
        var since = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        await conventions.EditCall(second, new { place = "Villeurbanne" }).ExpectAsync(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(1));
        await conventions.EditCall(first, new { place = "Bron" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(clock.GetUtcNow(), await UpdatedAtAsync(conventions, first));
        var sinceParameter = Uri.EscapeDataString(since.ToString("O"));
        var changed = await conventions.Operator.GetAsync($"/api/v1/conventions?updatedSince={sinceParameter}&order=updated").ExpectAsync(HttpStatusCode.OK);
        var ids = changed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([second, first], ids);
        // Nothing changed after the last change: an empty page, not an error.
        var later = Uri.EscapeDataString(clock.GetUtcNow().AddSeconds(1).ToString("O"));
        Assert.Equal(0, (await conventions.Operator.GetAsync($"/api/v1/conventions?updatedSince={later}").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_malformed_updatedSince_or_order_is_400_naming_the_parameter()
    {
        var conventions = await ConventionsDriver.CultureAsync(_factory);

        var since = await conventions.Operator.GetAsync("/api/v1/conventions?updatedSince=yesterday").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(since.GetProperty("errors").TryGetProperty("updatedSince", out var sinceErrors), since.ToString());
        Assert.DoesNotContain("DateTimeOffset", sinceErrors.ToString(), StringComparison.Ordinal);

        var order = await conventions.Operator.GetAsync("/api/v1/conventions?order=newest").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("updated", order.GetProperty("errors").GetProperty("order").ToString(), StringComparison.Ordinal);

        var convention = await conventions.Operator.GetAsync("/api/v1/disputes?conventionId=not-a-uuid").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(convention.GetProperty("errors").TryGetProperty("conventionId", out _), convention.ToString());
    }

    private static async Task<DateTimeOffset> UpdatedAtAsync(ConventionsDriver conventions, Guid id) =>
        (await conventions.Operator.GetAsync(Url(id)).ExpectAsync(HttpStatusCode.OK)).GetProperty("updatedAt").GetDateTimeOffset();
}
