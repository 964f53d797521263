using System.Net;
using Conventions.Testing;

namespace Conventions.Tests.Driver;

/// <summary>
/// A convention between an operator and a partner as both call the API: drafted, sent, signed, amended, renewed.
/// Built on <see cref="ConventionScenario"/> (the parties and their keys); each method asserts the expected status and
/// returns the typed answer; the <c>*Call</c> methods return the response itself, for the tests of refusals.
/// </summary>
public sealed class ConventionsDriver(ConventionsFactory factory, ConventionScenario scenario)
{
    public ConventionScenario Scenario { get; } = scenario;

    public HttpClient Operator => Scenario.Operator;

    public HttpClient Partner => Scenario.Partner;

    public static async Task<ConventionsDriver> CultureAsync(ConventionsFactory factory, string partnerName = "Association Passerelles Solidaires") =>
        new(factory, await ConventionScenario.CultureAsync(factory, partnerName));

    public static async Task<ConventionsDriver> RucheAsync(ConventionsFactory factory) => new(factory, await ConventionScenario.RucheAsync(factory));

    public async Task<ConventionView> DraftCultureAsync(string startsOn = "2026-10-01", string endsOn = "2027-09-30") =>
        await ConventionAsync(Guid.Parse((await Scenario.DraftCultureAsync(startsOn, endsOn)).Str("id")));

    public async Task<ConventionView> DraftRucheAsync(string startsOn = "2026-01-01") =>
        await ConventionAsync(Guid.Parse((await Scenario.DraftRucheAsync(startsOn)).Str("id")));

    /// <summary>Sent for signature (unless <paramref name="send"/> is false), then signed by each party's named signatory.</summary>
    public async Task<ConventionView> SignBothAsync(Guid id, string? signedOn = null, string place = "Lyon", bool send = true)
    {
        await Scenario.SignBothAsync(id.ToString(), signedOn, place, send);
        return await ConventionAsync(id);
    }

    public Task<ConventionView> ConventionAsync(Guid id) => Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync<ConventionView>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> SendCall(Guid id) => Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null);

    /// <summary>A signature body naming a registered signatory (the partner's by default); the server dates it unless <paramref name="signedOn"/> is given.</summary>
    public static object Signature(string party, string? name = null, string? title = null, string? signedOn = null) =>
        new
        {
            party,
            signatoryName = name ?? (party == "operator" ? "Anne Sophie CONDEMINE" : "Claire MARTIN"),
            signatoryTitle = title ?? (party == "operator" ? "Présidente" : "Directrice"),
            place = "Lyon",
            signedOn,
        };

    public Task<HttpResponseMessage> SignCall(HttpClient party, Guid id, object signature) => party.PostJsonAsync($"/api/v1/conventions/{id}/signatures", signature);

    public Task<HttpResponseMessage> EditCall(Guid id, object change) => Operator.PatchJsonAsync($"/api/v1/conventions/{id}", change);

    public Task<HttpResponseMessage> AmendCall(Guid id, object amendment) => Operator.PostJsonAsync($"/api/v1/conventions/{id}/amendments", amendment);

    public Task<AmendmentView> SignAmendmentAsync(HttpClient party, Guid id, Guid amendmentId, object signature) =>
        party.PostJsonAsync($"/api/v1/conventions/{id}/amendments/{amendmentId}/signatures", signature).ExpectAsync<AmendmentView>(HttpStatusCode.Created);

    /// <summary>The notices one organization received about the convention, after the outbox job ran (each organization gets its own letter).</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(Guid conventionId, string organizationId)
    {
        await factory.RunJobAsync("outbox");
        return (await factory.Admin().GetAsync($"/api/v1/notices?conventionId={conventionId}&organizationId={organizationId}").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK)).Items;
    }

    public async Task<string[]> NoticeKindsAsync(Guid conventionId, string organizationId) =>
        [.. (await NoticesAsync(conventionId, organizationId)).Select(n => n.Kind).Order(StringComparer.Ordinal)];

    public Task<LetterView> LetterAsync(Guid noticeId) => factory.Admin().GetAsync($"/api/v1/notices/{noticeId}").ExpectAsync<LetterView>(HttpStatusCode.OK);
}
