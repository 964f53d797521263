using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary>Cancelling a booking or one invitation: seats back, the waiting list served in the same transaction.</summary>
public sealed class CancelBookingTests : TicketingTest
{
    [Fact]
    public async Task Freed_seats_confirm_the_waiting_booking_that_fits_and_its_structure_is_told()
    {
        var offer = await Ticketing.PublishAsync(3);
        var first = await Ticketing.BookSomeoneAsync(offer.Session.Id, "A", guests: 1);
        var second = await Ticketing.BookSomeoneAsync(offer.Session.Id, "B", guests: 1);
        await Ticketing.BookSomeoneAsync(offer.Session.Id, "C");
        Assert.Equal("waitlisted", second.Status);

        var cancelled = await Ticketing.CancelAsync(first.Id);

        Assert.All(cancelled.Invitations, i => Assert.Equal("cancelled", i.Status));
        Assert.Equal("confirmed", (await Ticketing.BookingAsync(second.Id)).Status);
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
        await Factory.RunJobAsync("outbox");
        Assert.Contains(await Ticketing.NoticesAsync(), n => n.Kind == "waitlist-confirmed");
        await Ticketing.CancelCall(first.Id).ExpectProblemAsync(HttpStatusCode.Conflict, "booking.already_cancelled");
    }

    [Fact]
    public async Task A_single_guest_or_companion_can_be_cancelled_but_not_the_beneficiary()
    {
        var offer = await Ticketing.PublishAsync(5);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "D", guests: 1, companions: 1);

        var afterGuest = await Ticketing.CancelInvitationCall(booking.Id, booking.Invitation("guest").Id).ExpectAsync<BookingView>(HttpStatusCode.OK);

        Assert.Equal("confirmed", afterGuest.Status);
        Assert.Equal(3, await Ticketing.SeatsLeftAsync(offer.Id));
        await Ticketing.CancelInvitationCall(booking.Id, booking.Invitation("beneficiary").Id)
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "booking.beneficiary_invitation");
    }

    [Fact]
    public async Task A_new_waiting_position_counts_the_bookings_that_left_the_list_and_freed_seats_reach_past_a_long_list()
    {
        var offer = await Ticketing.PublishAsync(2);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var holder = await Ticketing.BookAsync(offer.Session.Id, beneficiary, guests: 1);
        Assert.Equal("confirmed", holder.Status);

        // 55 parties of three wait (more than a page of the list), then one person alone.
        var threes = new List<BookingView>();
        for (var i = 1; i <= 55; i++)
        {
            var waiting = await Ticketing.BookAsync(offer.Session.Id, beneficiary, guests: 2);
            Assert.Equal(("waitlisted", (int?)i), (waiting.Status, waiting.WaitlistPosition));
            threes.Add(waiting);
        }
        var alone = await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        Assert.Equal(56, alone.WaitlistPosition);

        // A waiting booking cancelled leaves the list: the next one to join is 56th, not 57th, as a count would say.
        await Ticketing.CancelAsync(threes[10].Id);
        Assert.Equal(55, (await Ticketing.BookingAsync(alone.Id)).WaitlistPosition);
        var late = await Ticketing.BookAsync(offer.Session.Id, beneficiary, guests: 2);
        Assert.Equal(56, late.WaitlistPosition);
        Assert.Equal(56, (await Ticketing.BookingAsync(late.Id)).WaitlistPosition);

        // The holder cancels: two seats free. No party of three fits; the person alone, past them all, is confirmed.
        await Ticketing.CancelAsync(holder.Id);
        Assert.Equal(("confirmed", (int?)null), ((await Ticketing.BookingAsync(alone.Id)).Status, (await Ticketing.BookingAsync(alone.Id)).WaitlistPosition));
        Assert.Equal(1, await Ticketing.SeatsLeftAsync(offer.Id));
        Assert.Equal(55, (await Ticketing.BookingAsync(late.Id)).WaitlistPosition);

        // The list now holds the 54 parties of three and the late one; the next to join is 56th.
        var next = await Ticketing.BookAsync(offer.Session.Id, beneficiary, guests: 1);
        Assert.Equal(("waitlisted", (int?)56), (next.Status, next.WaitlistPosition));
        Assert.Equal(56, (await Ticketing.BookingAsync(next.Id)).WaitlistPosition);
    }
}
