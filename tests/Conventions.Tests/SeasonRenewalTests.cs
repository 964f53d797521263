using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Conventions.Tests;

/// <summary>
/// <c>POST /programs/culture-pour-tous/seasons/{season}/renewal</c> (issue 19): next season's conventions drafted from the
/// current ones, sent for signature and announced, the others reported with their reason.
/// </summary>
public sealed class SeasonRenewalTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Url(string season, bool dryRun = false) => $"/api/v1/programs/culture-pour-tous/seasons/{season}/renewal{(dryRun ? "?dryRun=true" : "")}";

    [Fact]
    public async Task Active_conventions_are_carried_into_the_next_season_and_the_others_are_reported_with_their_reason()
    {
        var active = await ConventionScenario.CultureAsync(_factory, "Association Passerelles Solidaires");
        var activeId = (await active.DraftCultureAsync()).Str("id");
        await active.SignBothAsync(activeId);
        var disputed = await active.AnotherPartnerAsync("Foyer Les Tilleuls");
        var disputedId = (await disputed.DraftCultureAsync()).Str("id");
        await disputed.SignBothAsync(disputedId);
        var unsigned = await active.AnotherPartnerAsync("Centre social Bellevue");
        var unsignedId = (await unsigned.DraftCultureAsync()).Str("id");
        await unsigned.Operator.PostAsync($"/api/v1/conventions/{unsignedId}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        await _factory.RunJobAsync("renewals");
        await active.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = disputedId, raisedBy = "operator", kind = "breach", grounds = "Réservations inutilisées.",
            notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);

        // Only the operator runs it; a malformed season is a 400.
        await active.Partner.PostAsync(Url("2026-2027"), null).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await active.Operator.PostAsync(Url("2026-2028"), null).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var ruche = await ConventionScenario.RucheAsync(_factory);
        await ruche.Operator.PostAsync(Url("2026-2027"), null).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.operator_only");

        var preview = await active.Operator.PostAsync(Url("2026-2027", dryRun: true), null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, Assert.Single(preview.GetProperty("drafted").EnumerateArray()).GetProperty("conventionId").ValueKind);

        var report = await active.Operator.PostAsync(Url("2026-2027"), null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("2026-2027", "2027-2028", false), (report.Str("season"), report.Str("nextSeason"), report.GetProperty("dryRun").GetBoolean()));
        var drafted = Assert.Single(report.GetProperty("drafted").EnumerateArray());
        Assert.Equal((active.PartnerId, "Association Passerelles Solidaires", activeId), (drafted.Str("partnerOrganizationId"), drafted.Str("partnerName"), drafted.Str("previousConventionId")));
        Assert.Equal(
            [("Centre social Bellevue", "not-active"), ("Foyer Les Tilleuls", "under-dispute")],
            report.GetProperty("skipped").EnumerateArray().Select(s => (s.Str("partnerName"), s.Str("reason"))).OrderBy(s => s.Item1, StringComparer.Ordinal));

        // Next season's convention: same parties and signatories, 1 October 2027 – 30 September 2028, awaiting both signatures.
        var next = await active.Partner.GetAsync($"/api/v1/conventions/{drafted.Str("conventionId")}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("awaiting-signatures", "2027-10-01", "2028-09-30"), (next.Str("status"), next.Str("startsOn"), next.Str("endsOn")));
        Assert.Equal("Claire MARTIN", next.GetProperty("partnerSignatory").Str("fullName"));
        var document = await active.Partner.GetStringAsync($"/api/v1/conventions/{drafted.Str("conventionId")}/document");
        Assert.Contains("2027-2028", document, StringComparison.Ordinal);
        await _factory.RunJobAsync("outbox");
        var notices = await active.Partner.GetAsync($"/api/v1/notices?conventionId={drafted.Str("conventionId")}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "season-renewal" && n.Str("subject") == "Convention de partenariat de la saison 2027-2028 à signer");

        // Run again: nobody is drafted twice.
        var again = await active.Operator.PostAsync(Url("2026-2027"), null).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(again.GetProperty("drafted").EnumerateArray());
        Assert.Contains(again.GetProperty("skipped").EnumerateArray(), s => s.Str("reason") == "already-drafted" && s.Str("partnerOrganizationId") == active.PartnerId);
    }
}
