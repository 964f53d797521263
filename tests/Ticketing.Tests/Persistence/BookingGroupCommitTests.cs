using System.Net;
using Conventions.BuildingBlocks.Errors;
using Conventions.Testing;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Persistence;

/// <summary>The group commit itself (ADR 0013), given bookings as the booking handler builds them; the outcome read through the API.</summary>
public sealed class BookingGroupCommitTests : TicketingTest
{
    private BookingGroupCommit Writer => Factory.Services.GetRequiredService<BookingGroupCommit>();

    /// <summary>A booking as the booking handler builds it, for the writer itself.</summary>
    private Booking NewBooking(OfferView offer, Guid beneficiary, int party, string? code = null) =>
        Booking.Request(
            new BookedSession(offer.Session.Id, offer.Id, offer.Session.StartsAt), Guid.Parse(Scenario.PartnerId), beneficiary, null,
            Enumerable.Range(0, party).Select(i => i == 0
                ? new InvitationRequest($"Personne {i}", InvitationRole.Beneficiary) { Code = code }
                : new InvitationRequest($"Personne {i}", InvitationRole.Guest, GuestRelation.Family)),
            offer.Session.StartsAt.AddDays(-5));

    [Fact]
    public async Task Bookings_written_together_take_seats_in_order_and_a_failing_one_fails_alone()
    {
        var offer = await Ticketing.PublishAsync(4);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var first = await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        Assert.Equal(3, await Ticketing.SeatsLeftAsync(offer.Id));

        // One group: A takes a seat, B reuses an invitation code already issued (the unique index refuses it), C takes
        // the last two seats, D finds none and waits.
        var (a, b, c, d) = (NewBooking(offer, beneficiary, 1), NewBooking(offer, beneficiary, 1, first.Invitations[0].Code), NewBooking(offer, beneficiary, 2), NewBooking(offer, beneficiary, 1));
        await Assert.ThrowsAnyAsync<Exception>(() => Writer.WriteTogetherAsync([a, b, c, d]));

        Assert.Equal(["confirmed", "confirmed", "waitlisted"], [(await Ticketing.BookingAsync(a.Id)).Status, (await Ticketing.BookingAsync(c.Id)).Status, (await Ticketing.BookingAsync(d.Id)).Status]);
        Assert.Equal(HttpStatusCode.NotFound, (await Ticketing.Booker.GetAsync($"/api/v1/bookings/{b.Id}")).StatusCode);
        // B's seat went back with its transaction: 4 seats = the first booking + A + C's two.
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
        Assert.Equal(1, (await Ticketing.BookingAsync(d.Id)).WaitlistPosition);
    }

    [Fact]
    public async Task A_booking_checked_before_its_session_was_cancelled_is_refused_by_the_writer_and_not_stored()
    {
        var offer = await Ticketing.PublishAsync(1);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        await Ticketing.CancelSessionAsync(offer, "Comédien souffrant");

        // As if the request had checked the session just before the cancellation: no seat is left to take, and the
        // waiting list of a cancelled session is not joined either.
        var late = NewBooking(offer, beneficiary, 1);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Writer.WriteAsync(late));

        Assert.Equal("session.cancelled", refused.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Ticketing.Booker.GetAsync($"/api/v1/bookings/{late.Id}")).StatusCode);
    }

    [Fact]
    public async Task Bookings_the_writer_decides_read_in_its_transaction_and_a_refused_one_fails_alone()
    {
        var offer = await Ticketing.PublishAsync(2);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        var partner = Guid.Parse(Scenario.PartnerId);
        var read = new List<string>();

        // As the booking handler decides: from the writer's reads (prepared in its transaction on SQLite, EF's on a server database).
        DecideBooking Decide(Guid organization) => async (reads, ct) =>
        {
            var found = await reads.BeneficiaryAsync(beneficiary, organization, ct) ?? throw NotFoundException.For("beneficiary", beneficiary);
            var session = await reads.SessionAsync(offer.Session.Id, ct) ?? throw NotFoundException.For("session", offer.Session.Id);
            var week = Booking.WeekOf(session.StartsAt);
            read.Add($"{found.DisplayName} {session.OfferId == offer.Id} {session.StartsAt == offer.Session.StartsAt} {session.Status} {session.BookingOpensAt} {await reads.BookingsInWeekAsync(found.Id, week, ct) > 0} {await reads.PublisherOfAsync(session.OfferId, ct) == Ticketing.PublisherId}");
            return new BookingDecision(Booking.Request(BookedSession.Of(session), organization, found.Id, null, [new InvitationRequest(found.DisplayName, InvitationRole.Beneficiary)], session.StartsAt.AddDays(-5)), null, null);
        };

        // One group: A takes the last seat; B names the beneficiary under another organization, which the read does not
        // find, and is refused alone; C waits.
        var outcomes = await Writer.WriteTogetherAsync([Decide(partner), Decide(Guid.NewGuid()), Decide(partner)]);

        Assert.Null(await outcomes[0]);
        Assert.Equal("beneficiary.not_found", (await Assert.ThrowsAsync<NotFoundException>(() => outcomes[1])).Code);
        Assert.Equal(1, await outcomes[2]);
        Assert.Equal(["Samia K. True True Scheduled  True True", "Samia K. True True Scheduled  True True"], read);
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
        Assert.Equal(3, (await Ticketing.Booker.GetAsync("/api/v1/bookings").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK)).Total);
    }

    [Fact]
    public async Task A_group_decided_from_reads_made_together_counts_its_earlier_bookings_in_the_week()
    {
        var offer = await Ticketing.PublishAsync(10);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        var partner = Guid.Parse(Scenario.PartnerId);
        var now = offer.Session.StartsAt.AddDays(-5);
        var counted = new List<int>();

        DecideBooking Decide(Guid organization) => async (reads, ct) =>
        {
            var found = await reads.BeneficiaryAsync(beneficiary, organization, ct) ?? throw NotFoundException.For("beneficiary", beneficiary);
            var session = (await reads.SessionAsync(offer.Session.Id, ct))!.Value;
            counted.Add(await reads.BookingsInWeekAsync(found.Id, Booking.WeekOf(session.StartsAt), ct));
            return new BookingDecision(Booking.Request(BookedSession.Of(session), organization, found.Id, null, [new InvitationRequest(found.DisplayName, InvitationRole.Beneficiary)], now), null, null);
        };
        var other = Guid.NewGuid();

        // One group, its reads named as a request names them (on PostgreSQL they go out together, before any booking
        // of the group is written): each booking of the beneficiary sees those decided before it that week; the one
        // named under another organization finds no beneficiary.
        var outcomes = await Writer.WriteTogetherAsync(
            [Decide(partner), Decide(other), Decide(partner), Decide(partner)],
            [new(beneficiary, partner, offer.Session.Id, now), new(beneficiary, other, offer.Session.Id, now), new(beneficiary, partner, offer.Session.Id, now), new(beneficiary, partner, offer.Session.Id, now)]);

        Assert.Equal("beneficiary.not_found", (await Assert.ThrowsAsync<NotFoundException>(() => outcomes[1])).Code);
        Assert.Equal([1, 2, 3], counted);
        Assert.Equal(6, await Ticketing.SeatsLeftAsync(offer.Id));
    }
}
