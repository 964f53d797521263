using System.Net;
using Conventions.Testing;

namespace Webhooks.Tests;

/// <summary>Events from real flows reach the organizations they concern, signed, and only those.</summary>
public sealed class WebhookDeliveryTests : WebhookTest
{
    private static readonly string[] BookingEvents = ["booking.confirmed", "booking.waitlisted", "booking.promoted", "booking.cancelled"];

    [Fact]
    public async Task Book_wait_cancel_and_promote_reach_the_structure_signed_and_the_publisher_counted_without_names()
    {
        var (_, secret) = await SubscribeAsync(Scenario.Partner, [.. BookingEvents, "session.changed"]);
        var (_, publisherSecret) = await SubscribeAsync(PublisherPartner, [.. BookingEvents, "session.changed"]);
        var session = await PublishAsync(1);

        var first = await BookAsync(session, "Awa Diallo");
        var second = await BookAsync(session, "Bruno Morel");
        Assert.Equal(("confirmed", "waitlisted"), (first.Str("status"), second.Str("status")));
        await Booker.PostAsync($"/api/v1/bookings/{first.Str("id")}/cancel", null).ExpectAsync(HttpStatusCode.OK);
        await DeliverAsync();

        var received = Receiver.Received.ToList();
        var structure = received.Where(r => ReceivedWebhookIs(r, secret)).ToList();
        var publisher = received.Where(r => ReceivedWebhookIs(r, publisherSecret)).ToList();
        Assert.Equal(received.Count, structure.Count + publisher.Count);
        Assert.Equal(["booking.cancelled", "booking.confirmed", "booking.promoted", "booking.waitlisted"], structure.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.Equal(first.Str("id"), structure.Single(r => r.Type == "booking.confirmed").Data.Str("bookingId"));
        Assert.Equal(second.Str("id"), structure.Single(r => r.Type == "booking.promoted").Data.Str("bookingId"));
        // The publisher is told its session moved, counted, never whose booking it was.
        Assert.Equal(["booked", "cancelled", "promoted", "waitlisted"], publisher.Select(r => r.Data.Str("change")).Order(StringComparer.Ordinal));
        Assert.All(publisher, r => Assert.Equal("session.changed", r.Type));
        Assert.All(received, r => Assert.DoesNotContain("Awa", r.Body, StringComparison.Ordinal));
        Assert.All(publisher, r => Assert.DoesNotContain(first.Str("id"), r.Body, StringComparison.Ordinal));
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());
        Assert.All(received, r => Assert.Matches("^msg_[0-9a-f]{32}$", r.Id));
    }

    [Fact]
    public async Task A_dispute_that_suspends_the_convention_and_its_reminder_reach_both_parties()
    {
        var (_, partnerSecret) = await SubscribeAsync(Scenario.Partner, "dispute.opened", "dispute.status-changed", "convention.status-changed", "deadline.reminder", "notice.created");
        var (_, operatorSecret) = await SubscribeAsync(Scenario.Operator, "dispute.opened", "convention.status-changed");

        var dispute = await Scenario.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = ConventionId, raisedBy = "operator", kind = "breach", grounds = "Grand nombre de réservations inutilisées.",
            notice = new { channel = "simple-letter", sentOn = (string?)null, notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);
        await DeliverAsync();

        var partner = Receiver.Received.Where(r => ReceivedWebhookIs(r, partnerSecret)).ToList();
        var operatorSide = Receiver.Received.Where(r => ReceivedWebhookIs(r, operatorSecret)).ToList();
        Assert.Equal(dispute.Str("id"), partner.Single(r => r.Type == "dispute.opened").Data.Str("disputeId"));
        Assert.Equal("suspended", partner.Single(r => r.Type == "convention.status-changed").Data.Str("status"));
        Assert.Contains(partner, r => r.Type == "notice.created");
        Assert.Equal(["convention.status-changed", "dispute.opened"], operatorSide.Select(r => r.Type).Order(StringComparer.Ordinal));

        // The explanation deadline's reminder, days later, by the deadlines sweep.
        var reminders = 0;
        for (var day = 0; day < 15 && reminders == 0; day++)
        {
            Factory.Clock.Advance(TimeSpan.FromDays(1));
            await Factory.RunJobAsync("deadlines");
            await DeliverAsync();
            reminders = Receiver.OfType("deadline.reminder").Count;
        }
        var reminder = Assert.Single(Receiver.OfType("deadline.reminder"));
        Assert.Equal(("explanation", dispute.Str("id")), (reminder.Data.Str("deadline"), reminder.Data.Str("disputeId")));

        // No explanation by the deadline: the dispute moves on (the termination window opens), and both parties hear it.
        for (var day = 0; day < 10 && Receiver.OfType("dispute.status-changed").Count == 0; day++)
        {
            Factory.Clock.Advance(TimeSpan.FromDays(1));
            await Factory.RunJobAsync("deadlines");
            await DeliverAsync();
        }
        var moved = Assert.Single(Receiver.OfType("dispute.status-changed"));
        Assert.True(WebhookReceiver.Verify(moved, partnerSecret));
        Assert.Equal("termination-window-open", moved.Data.Str("status"));
    }

    [Fact]
    public async Task A_test_ping_is_signed_and_an_organization_without_a_subscription_receives_nothing()
    {
        var (id, secret) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");
        var session = await PublishAsync(5);
        // The publisher has no webhook: its count-only session.changed goes nowhere.
        await BookAsync(session, "Chloé Petit");

        await Scenario.Partner.PostAsync($"/api/v1/webhooks/{id}/test", null).ExpectAsync(HttpStatusCode.Accepted);
        await DeliverAsync();

        Assert.Equal(["booking.confirmed", "webhook.ping"], Receiver.Received.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.All(Receiver.Received, r => Assert.True(WebhookReceiver.Verify(r, secret)));
        var deliveries = await DeliveriesAsync(Scenario.Partner, id);
        Assert.All(deliveries.EnumerateArray(), d => Assert.Equal("succeeded", d.Str("status")));
    }

    private static bool ReceivedWebhookIs(ReceivedWebhook webhook, string secret) => WebhookReceiver.Verify(webhook, secret);
}
