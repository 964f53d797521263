using System.Net;
using Conventions.Testing;

namespace Disputes.Tests.Driver;

/// <summary>
/// A dispute under one signed convention, as its parties call the API: the operator or the partner raises it, answers,
/// agrees, terminates. Each method asserts the expected status and returns the typed answer; the <c>*Call</c> methods
/// return the response itself, for the tests of refusals.
/// </summary>
public sealed class DisputeDriver(ConventionsFactory factory, ConventionScenario scenario, Guid conventionId)
{
    public Guid ConventionId { get; } = conventionId;

    public HttpClient Operator => scenario.Operator;

    public HttpClient Partner => scenario.Partner;

    public ConventionScenario Scenario => scenario;

    /// <summary>A signed Culture pour tous convention between the operator and a social partner.</summary>
    public static async Task<DisputeDriver> CultureAsync(ConventionsFactory factory)
    {
        var scenario = await ConventionScenario.CultureAsync(factory);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);
        return new DisputeDriver(factory, scenario, Guid.Parse(id));
    }

    /// <summary>A signed premises convention of La Ruche Numérique.</summary>
    public static async Task<DisputeDriver> RucheAsync(ConventionsFactory factory)
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var id = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze");
        return new DisputeDriver(factory, scenario, Guid.Parse(id));
    }

    /// <summary>The body of <c>POST /disputes</c>, raised by the operator, notified on Monday 23 November 2026 by default.</summary>
    public static object Grievance(Guid conventionId, string kind = "breach", string notifiedOn = "2026-11-23", string channel = "simple-letter") => new
    {
        conventionId,
        raisedBy = "operator",
        kind,
        grounds = "Grand nombre de réservations inutilisées.",
        notice = new { channel, sentOn = (string?)null, notifiedOn },
    };

    public Task<HttpResponseMessage> OpenCall(object grievance, HttpClient? client = null) => (client ?? Operator).PostJsonAsync("/api/v1/disputes", grievance);

    public Task<DisputeView> OpenAsync(string kind = "breach", string channel = "simple-letter") =>
        OpenCall(Grievance(ConventionId, kind, channel: channel)).ExpectAsync<DisputeView>(HttpStatusCode.Created);

    public Task<DisputeView> DisputeAsync(Guid id, HttpClient? client = null) => (client ?? Operator).GetAsync($"/api/v1/disputes/{id}").ExpectAsync<DisputeView>(HttpStatusCode.OK);

    /// <summary>A step on the dispute (<c>explanation</c>, <c>agreement</c>, <c>remedy</c>, <c>termination</c>…) by one party.</summary>
    public Task<HttpResponseMessage> StepCall(HttpClient party, Guid id, string step, object body) => party.PostJsonAsync($"/api/v1/disputes/{id}/{step}", body);

    public Task<DisputeView> StepAsync(HttpClient party, Guid id, string step, object body) => StepCall(party, id, step, body).ExpectAsync<DisputeView>(HttpStatusCode.OK);

    public static object RegisteredLetter(string sentOn) => new { registeredLetter = new { sentOn, trackingNumber = "1A00000000001" } };

    public async Task<string> ConventionStatusAsync() =>
        (await Operator.GetAsync($"/api/v1/conventions/{ConventionId}").ExpectAsync<ConventionView>(HttpStatusCode.OK)).Status;

    /// <summary>The notices about the dispute as a portal lists them, after the outbox job ran.</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(Guid disputeId, HttpClient? client = null)
    {
        await factory.RunJobAsync("outbox");
        return (await (client ?? Partner).GetAsync($"/api/v1/notices?disputeId={disputeId}").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK)).Items;
    }

    /// <summary>The kinds of the notices the partner received about the dispute, sorted.</summary>
    public async Task<string[]> NoticeKindsAsync(Guid disputeId) =>
        [.. (await NoticesAsync(disputeId)).Select(n => n.Kind).Order(StringComparer.Ordinal)];
}
