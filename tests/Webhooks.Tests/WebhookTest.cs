using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Webhooks.Tests;

/// <summary>A host that may send webhooks to this machine (the receiver listens on loopback).</summary>
public sealed class WebhookFactory : ConventionsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Webhooks:AllowLoopback", "true")];
}

/// <summary>
/// Culture pour tous in place, as in the ticketing tests: an operator, a social partner whose convention is signed (its
/// partner key manages webhooks, its booker key books) and a cultural partner that publishes (with a partner key of its
/// own); a loopback receiver per test class.
/// </summary>
public abstract class WebhookTest : IAsyncLifetime
{
    protected WebhookFactory Factory { get; } = new();

    protected ConventionScenario Scenario { get; private set; } = null!;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    protected HttpClient Booker { get; private set; } = null!;

    protected HttpClient Publisher { get; private set; } = null!;

    protected HttpClient PublisherPartner { get; private set; } = null!;

    protected string PublisherId { get; private set; } = string.Empty;

    protected string ConventionId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Scenario = await ConventionScenario.CultureAsync(Factory);
        ConventionId = (await Scenario.DraftCultureAsync()).Str("id");
        await Scenario.SignBothAsync(ConventionId);
        var (_, bookerKey) = await Scenario.Operator.IssueKeyAsync(Scenario.PartnerId, "booker", "2029-11-01");
        PublisherId = await Scenario.Operator.CreateOrganizationAsync("Théâtre du Confluent", "cultural-institution");
        var (_, publisherKey) = await Scenario.Operator.IssueKeyAsync(PublisherId, "publisher", "2029-11-01");
        var (_, publisherPartnerKey) = await Scenario.Operator.IssueKeyAsync(PublisherId, "partner", "2029-11-01");
        Booker = Factory.Client(bookerKey);
        Publisher = Factory.Client(publisherKey);
        PublisherPartner = Factory.Client(publisherPartnerKey);
        // Webhooks registered from now on: the convention's activation, earlier, is not theirs to receive.
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Factory.DisposeAsync();
    }

    /// <summary>Subscribes with a key of an organization; gives the webhook's id and its secret (shown once).</summary>
    protected async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient owner, params string[] eventTypes)
    {
        var created = await owner.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes, description = "Portail de test" })
            .ExpectAsync(HttpStatusCode.Created);
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), created.Str("secret"));
    }

    /// <summary>What an event needs to become a request: the outbox handed over, then the webhooks job.</summary>
    protected async Task DeliverAsync()
    {
        await Factory.RunJobAsync("outbox");
        await Factory.RunJobAsync("webhooks");
    }

    protected async Task<Guid> PublishAsync(int seats) =>
        (await Publisher.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = PublisherId, title = "Le Malade imaginaire", category = "show", venueName = "Théâtre du Confluent", city = "Lyon",
            description = "Comédie-ballet de Molière.", sessions = new[] { new { startsAt = "2026-12-04T20:30:00+01:00", seats } },
        }).ExpectAsync(HttpStatusCode.Created)).GetProperty("sessions")[0].GetProperty("id").GetGuid();

    protected async Task<JsonElement> BookAsync(Guid sessionId, string name)
    {
        var beneficiary = (await Booker.PostJsonAsync("/api/v1/beneficiaries", new { displayName = name }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return await Booker.PostJsonAsync("/api/v1/bookings", new { sessionId, beneficiaryId = beneficiary }).ExpectAsync(HttpStatusCode.Created);
    }

    protected async Task<JsonElement> DeliveriesAsync(HttpClient owner, Guid webhookId) =>
        (await owner.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK)).GetProperty("items");
}
