using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Offers;

/// <summary><c>POST /offers/{id}/sessions/{id}/cancel</c>: its bookings fall with it and every booking structure is told.</summary>
public sealed class CancelSessionTests : TicketingTest
{
    [Fact]
    public async Task A_cancelled_session_cancels_its_bookings_and_tells_every_booking_structure()
    {
        var offer = await Ticketing.PublishAsync(2);
        var confirmed = await Ticketing.BookSomeoneAsync(offer.Session.Id, "H");
        var waiting = await Ticketing.BookSomeoneAsync(offer.Session.Id, "I", guests: 3);
        Assert.Equal("waitlisted", waiting.Status);

        var session = await Ticketing.CancelSessionAsync(offer, "Comédien souffrant");

        Assert.Equal(("cancelled", "Comédien souffrant"), (session.Status, session.CancellationReason));
        Assert.Equal("cancelled", (await Ticketing.BookingAsync(confirmed.Id)).Status);
        Assert.Equal("cancelled", (await Ticketing.BookingAsync(waiting.Id)).Status);
        await Factory.RunJobAsync("outbox");
        var notice = Assert.Single(await Ticketing.NoticesAsync(), n => n.Kind == "session-cancelled");
        Assert.Contains(notice.Recipients, r => r.Email == "referent@partenaire.example");
    }
}
