using System.Net;
using Conventions.Testing;

namespace Webhooks.Tests;

/// <summary>The event types the booking and dispute flows do not raise, each from the flow that raises it.</summary>
public sealed class WebhookEventTypeTests : WebhookTest
{
    [Fact]
    public async Task A_session_changed_then_cancelled_reaches_its_publisher_and_the_structures_that_booked()
    {
        var (_, structureSecret) = await SubscribeAsync(Scenario.Partner, "session.changed", "session.cancelled");
        var (_, publisherSecret) = await SubscribeAsync(PublisherPartner, "session.cancelled");
        var session = await PublishAsync(5);
        var booking = await BookAsync(session, "Karim Lenoir");
        var offer = booking.Str("offerId");

        await Publisher.PatchJsonAsync($"/api/v1/offers/{offer}/sessions/{session}", new { startsAt = "2026-12-05T15:00:00+01:00", seats = 8 }).ExpectAsync(HttpStatusCode.OK);
        await Publisher.PostJsonAsync($"/api/v1/offers/{offer}/sessions/{session}/cancel", new { reason = "Comédien souffrant" }).ExpectAsync(HttpStatusCode.OK);
        await DeliverAsync();

        var structure = Receiver.Received.Where(r => WebhookReceiver.Verify(r, structureSecret)).ToList();
        var changed = Assert.Single(structure, r => r.Type == "session.changed");
        Assert.Equal(("changed", 8), (changed.Data.Str("change"), changed.Data.GetProperty("seats").GetInt32()));
        Assert.Equal(DateTimeOffset.Parse("2026-12-05T15:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), changed.Data.GetProperty("startsAt").GetDateTimeOffset());
        var cancelled = Assert.Single(structure, r => r.Type == "session.cancelled");
        Assert.Equal(("Comédien souffrant", 1), (cancelled.Data.Str("reason"), cancelled.Data.GetProperty("bookingsCancelled").GetInt32()));
        Assert.Single(Receiver.Received, r => r.Type == "session.cancelled" && WebhookReceiver.Verify(r, publisherSecret));
    }

    [Fact]
    public async Task A_convention_sent_for_signature_reaches_both_parties()
    {
        var (_, partnerSecret) = await SubscribeAsync(Scenario.Partner, "convention.signature-requested", "convention.status-changed");
        var draft = (await Scenario.DraftCultureAsync("2027-10-01", "2028-09-30")).Str("id");

        await Scenario.Operator.PostAsync($"/api/v1/conventions/{draft}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        await DeliverAsync();

        var requested = Assert.Single(Receiver.OfType("convention.signature-requested"));
        Assert.True(WebhookReceiver.Verify(requested, partnerSecret));
        Assert.Equal(draft, requested.Data.Str("conventionId"));
        Assert.Matches("^[0-9a-f]{64}$", requested.Data.Str("documentSha256"));
        Assert.Equal("awaiting-signatures", Assert.Single(Receiver.OfType("convention.status-changed")).Data.Str("status"));
    }
}
