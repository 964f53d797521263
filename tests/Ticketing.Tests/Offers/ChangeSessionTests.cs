using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Offers;

/// <summary><c>PATCH /offers/{id}/sessions/{id}</c>: a new time is sent to the booking structures; seats never below those booked.</summary>
public sealed class ChangeSessionTests : TicketingTest
{
    [Fact]
    public async Task A_new_session_time_is_sent_to_every_booking_structure()
    {
        var offer = await Ticketing.PublishAsync(5);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "J");

        var changed = await Ticketing.ChangeSessionCall(offer, new { startsAt = "2026-12-05T15:00:00+01:00" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("2026-12-05T15:00:00+01:00", changed.Str("startsAt"));
        Assert.Equal(DateTimeOffset.Parse("2026-12-05T15:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), (await Ticketing.BookingAsync(booking.Id)).SessionStartsAt);
        await Factory.RunJobAsync("outbox");
        Assert.Contains(await Ticketing.NoticesAsync(), n => n.Kind == "session-rescheduled");
    }

    [Fact]
    public async Task More_seats_serve_the_waiting_list_and_fewer_than_booked_are_refused()
    {
        var offer = await Ticketing.PublishAsync(2);
        await Ticketing.BookSomeoneAsync(offer.Session.Id, "L", guests: 1);
        var waiting = await Ticketing.BookSomeoneAsync(offer.Session.Id, "M", guests: 1);
        Assert.Equal("waitlisted", waiting.Status);

        await Ticketing.ChangeSessionCall(offer, new { seats = 1 }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "session.seats_below_booked");
        var session = await Ticketing.ChangeSessionCall(offer, new { seats = 5 }).ExpectAsync<SessionView>(HttpStatusCode.OK);

        Assert.Equal((5, 1), (session.Seats, session.SeatsLeft));
        Assert.Equal("confirmed", (await Ticketing.BookingAsync(waiting.Id)).Status);
        var fewer = await Ticketing.ChangeSessionCall(offer, new { seats = 4 }).ExpectAsync<SessionView>(HttpStatusCode.OK);
        Assert.Equal((4, 0), (fewer.Seats, fewer.SeatsLeft));
    }
}
