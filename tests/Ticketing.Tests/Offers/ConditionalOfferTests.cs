using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Offers;

/// <summary>
/// Conditional requests on offers and bookings (ADR 0017): an offer's ETag follows its live seat counts, a session is
/// changed under the offer's ETag, and a booking's updatedAt moves when one of its invitations changes.
/// </summary>
public sealed class ConditionalOfferTests : TicketingTest
{
    private static string Url(OfferView offer) => $"/api/v1/offers/{offer.Id}";

    [Fact]
    public async Task An_offer_read_again_after_a_booking_is_not_304_since_its_seats_changed()
    {
        var offer = await Ticketing.PublishAsync(5);
        var etag = (await Ticketing.Booker.GetAsync(Url(offer))).ETag();
        Assert.Equal(HttpStatusCode.NotModified, (await Ticketing.Booker.SendWithAsync(HttpMethod.Get, Url(offer), null, ("If-None-Match", etag))).StatusCode);

        await Ticketing.BookSomeoneAsync(offer.Session.Id, "J");

        var reread = await Ticketing.Booker.SendWithAsync(HttpMethod.Get, Url(offer), null, ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.OK, reread.StatusCode);
        Assert.NotEqual(etag, reread.ETag());
        Assert.True(reread.Headers.CacheControl is { Private: true, NoCache: true }, reread.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_session_changes_under_its_offers_current_etag_only_and_the_offer_records_the_change()
    {
        var offer = await Ticketing.PublishAsync(5);
        var session = $"/api/v1/offers/{offer.Id}/sessions/{offer.Session.Id}";
        var read = (await Ticketing.Publisher.GetAsync(Url(offer))).ETag();
        var publishedAt = (await Ticketing.Publisher.GetAsync(Url(offer)).ExpectAsync(HttpStatusCode.OK)).GetProperty("updatedAt").GetDateTimeOffset();

        await Ticketing.BookSomeoneAsync(offer.Session.Id, "K");
        await Ticketing.Publisher.SendWithAsync(HttpMethod.Patch, session, new { seats = 8 }, ("If-Match", read))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        Assert.Equal(5, (await Ticketing.OfferAsync(offer.Id)).Session.Seats);

        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var current = (await Ticketing.Publisher.GetAsync(Url(offer))).ETag();
        var changed = await Ticketing.Publisher.SendWithAsync(HttpMethod.Patch, session, new { seats = 8 }, ("If-Match", current)).ExpectAsync<SessionView>(HttpStatusCode.OK);

        Assert.Equal(8, changed.Seats);
        var updatedAt = (await Ticketing.Publisher.GetAsync(Url(offer)).ExpectAsync(HttpStatusCode.OK)).GetProperty("updatedAt").GetDateTimeOffset();
        // A booking took a seat meanwhile without changing the offer: its last change is the session's, 3 minutes on.
        Assert.Equal(publishedAt.AddMinutes(3), updatedAt);
    }

    [Fact]
    public async Task A_booking_whose_invitation_is_cancelled_is_listed_as_changed_since()
    {
        var offer = await Ticketing.PublishAsync(10);
        var kept = await Ticketing.BookSomeoneAsync(offer.Session.Id, "L");
        var changed = await Ticketing.BookSomeoneAsync(offer.Session.Id, "M", guests: 1);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = Uri.EscapeDataString(Factory.Clock.GetUtcNow().ToString("O"));

        await Ticketing.CancelInvitationCall(changed.Id, changed.Invitation("guest").Id).ExpectAsync(HttpStatusCode.OK);

        var page = await Ticketing.Booker.GetAsync($"/api/v1/bookings?updatedSince={since}&order=updated").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK);
        Assert.Equal([changed.Id], page.Items.Select(b => b.Id));
        var all = await Ticketing.Booker.GetAsync("/api/v1/bookings?order=updated").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK);
        Assert.Equal([kept.Id, changed.Id], all.Items.Select(b => b.Id));
    }
}
