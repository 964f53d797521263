using System.Net;
using Conventions.Testing;

namespace Webhooks.Tests;

/// <summary>Failed deliveries are retried with the same id; a subscription failing for 3 days is disabled and its organization told.</summary>
public sealed class WebhookRetryTests : WebhookTest
{
    [Fact]
    public async Task A_receiver_answering_500_twice_gets_the_same_delivery_a_third_time_with_the_same_id()
    {
        var (id, secret) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");
        Receiver.AnswerNext(HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError);
        var session = await PublishAsync(5);
        await BookAsync(session, "Diane Roux");

        await DeliverAsync();
        // Retried after about a minute, then about five (±10 %): nothing before.
        await Factory.RunJobAsync("webhooks");
        Factory.Clock.Advance(TimeSpan.FromSeconds(70));
        await Factory.RunJobAsync("webhooks");
        Assert.Equal(2, Receiver.Received.Count);
        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await Factory.RunJobAsync("webhooks");

        var received = Receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => Assert.True(WebhookReceiver.Verify(r, secret)));
        // Each attempt is signed at its own time.
        Assert.Equal(3, received.Select(r => r.Timestamp).Distinct().Count());
        var delivery = (await DeliveriesAsync(Scenario.Partner, id))[0];
        Assert.Equal(("succeeded", 3), (delivery.Str("status"), delivery.GetProperty("attempts").GetInt32()));
        Assert.Equal([500, 500, 200], delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task A_subscription_failing_for_three_days_is_disabled_and_its_organization_gets_a_notice()
    {
        var (id, _) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");
        Receiver.AnswerNext([.. Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 100)]);
        var session = await PublishAsync(5);
        await BookAsync(session, "Émile Blanc");
        await DeliverAsync();

        for (var hour = 0; hour < 80; hour++)
        {
            Factory.Clock.Advance(TimeSpan.FromHours(1));
            await Factory.RunJobAsync("webhooks");
        }

        var webhook = await Scenario.Partner.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("disabled", webhook.Str("status"));
        var delivery = (await DeliveriesAsync(Scenario.Partner, id))[0];
        Assert.Equal("failed", delivery.Str("status"));
        var attempts = delivery.GetProperty("attempts").GetInt32();
        Assert.InRange(attempts, 8, 12);
        await Factory.RunJobAsync("outbox");
        var notices = await Scenario.Partner.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "webhook-disabled");

        // Disabled: nothing more is sent, even when the receiver is back; enabled again, a new event goes out.
        var count = Receiver.Received.Count;
        await BookAsync(session, "Fanny Noir");
        await DeliverAsync();
        Assert.Equal(count, Receiver.Received.Count);
        await Scenario.Partner.PostAsync($"/api/v1/webhooks/{id}/test", null).ExpectProblemAsync(HttpStatusCode.Conflict, "webhook.disabled");
        await Scenario.Partner.PatchJsonAsync($"/api/v1/webhooks/{id}", new { enabled = true }).ExpectAsync(HttpStatusCode.OK);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Receiver.ClearAnswers();
        await BookAsync(session, "Gaspard Vert");
        await DeliverAsync();
        Assert.Contains(Receiver.Received.Skip(count), r => r.Type == "booking.confirmed");
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        var (id, _) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");
        Receiver.AnswerNext(HttpStatusCode.Found);
        var session = await PublishAsync(5);
        await BookAsync(session, "Hugo Gris");
        await DeliverAsync();

        var delivery = (await DeliveriesAsync(Scenario.Partner, id))[0];
        Assert.Equal(("pending", 302), (delivery.Str("status"), delivery.GetProperty("lastStatusCode").GetInt32()));
        Assert.Contains("not followed", delivery.Str("lastError"), StringComparison.Ordinal);
        Assert.Single(Receiver.Received);

        // Redelivered at once, same id.
        await Scenario.Partner.PostAsync($"/api/v1/webhooks/{id}/deliveries/{delivery.Str("id")}/redeliver", null).ExpectAsync(HttpStatusCode.Accepted);
        await Factory.RunJobAsync("webhooks");
        Assert.Equal(2, Receiver.Received.Count);
        Assert.Single(Receiver.Received.Select(r => r.Id).Distinct());
        Assert.Equal("succeeded", (await DeliveriesAsync(Scenario.Partner, id))[0].Str("status"));
    }

    [Fact]
    public async Task A_rotated_secret_signs_beside_the_new_one_for_a_day_then_alone()
    {
        var (id, oldSecret) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");
        var rotated = await Scenario.Partner.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null).ExpectAsync(HttpStatusCode.OK);
        var newSecret = rotated.Str("secret");
        Assert.NotEqual(oldSecret, newSecret);
        var session = await PublishAsync(5);

        await BookAsync(session, "Inès Brun");
        await DeliverAsync();
        var during = Assert.Single(Receiver.Received);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(WebhookReceiver.Verify(during, oldSecret) && WebhookReceiver.Verify(during, newSecret));

        Factory.Clock.Advance(TimeSpan.FromHours(25));
        await BookAsync(session, "Jules Blanc");
        await DeliverAsync();
        var after = Receiver.Received.Last();
        Assert.True(WebhookReceiver.Verify(after, newSecret));
        Assert.False(WebhookReceiver.Verify(after, oldSecret));
        // The secret is never read back.
        var read = (await Scenario.Partner.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK)).ToString();
        Assert.DoesNotContain(newSecret[6..], read, StringComparison.Ordinal);
        Assert.DoesNotContain(oldSecret[6..], read, StringComparison.Ordinal);
    }
}
