using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Ticketing.Domain;

namespace Ticketing.Tests.Rules;

public sealed class BookingCancellationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static Booking NewBooking(BookingStatus status = BookingStatus.Confirmed, int guests = 1, int companions = 1, DateTimeOffset? startsAt = null)
    {
        var people = new List<InvitationRequest> { new("Samia K.", InvitationRole.Beneficiary) };
        people.AddRange(Enumerable.Range(0, guests).Select(i => new InvitationRequest($"Invité {i}", InvitationRole.Guest, GuestRelation.Family)));
        people.AddRange(Enumerable.Range(0, companions).Select(i => new InvitationRequest($"Accompagnant {i}", InvitationRole.Companion, CompanionKind: CompanionKind.Volunteer, Reason: "Première sortie")));
        var booking = Booking.Request(
            new BookedSession(Guid.NewGuid(), Guid.NewGuid(), startsAt ?? Now.AddDays(3)), Guid.NewGuid(), Guid.NewGuid(), null, people, Now.AddDays(-1));
        if (status == BookingStatus.Confirmed)
        {
            booking.Confirm();
        }
        else
        {
            booking.Wait(1);
        }
        return booking;
    }

    [Fact]
    public void Cancelling_a_booking_cancels_its_guests_and_companions_and_gives_back_every_seat()
    {
        var booking = NewBooking(guests: 2, companions: 1);

        var cancellation = booking.Cancel(Now);

        Assert.Equal(new Cancellation(4, false), cancellation);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(Now, booking.CancelledAt);
        Assert.All(booking.Invitations, i => Assert.Equal(InvitationStatus.Cancelled, i.Status));
    }

    [Fact]
    public void A_waiting_booking_gives_back_no_seat_and_leaves_the_list() =>
        Assert.Equal(new Cancellation(0, true), NewBooking(BookingStatus.Waitlisted).Cancel(Now));

    [Fact]
    public void One_guest_is_cancelled_alone_and_frees_one_seat()
    {
        var booking = NewBooking(guests: 2, companions: 0);
        var guest = booking.Invitations.First(i => i.Role == InvitationRole.Guest);

        Assert.Equal(new Cancellation(1, false), booking.CancelInvitation(guest.Id, Now));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(2, booking.Party);
        Assert.Equal("invitation.already_cancelled", Assert.Throws<ConflictException>(() => booking.CancelInvitation(guest.Id, Now)).Code);
    }

    [Fact]
    public void The_beneficiarys_invitation_goes_only_with_the_booking()
    {
        var booking = NewBooking();
        var own = booking.Invitations.Single(i => i.Role == InvitationRole.Beneficiary);

        Assert.Equal("booking.beneficiary_invitation", Assert.Throws<BusinessRuleException>(() => booking.CancelInvitation(own.Id, Now)).Code);
    }

    [Fact]
    public void Nothing_is_cancelled_once_the_session_has_started_or_twice()
    {
        var started = NewBooking(startsAt: Now);
        Assert.Equal("session.started", Assert.Throws<ConflictException>(() => started.Cancel(Now)).Code);

        var booking = NewBooking();
        booking.Cancel(Now);
        Assert.Equal("booking.already_cancelled", Assert.Throws<ConflictException>(() => booking.Cancel(Now)).Code);
    }

    [Fact]
    public void A_booking_falls_with_its_session_without_the_checks_of_a_partner_cancelling() =>
        Assert.All(new[] { BookingStatus.Confirmed, BookingStatus.Waitlisted }, status =>
        {
            var booking = NewBooking(status);
            booking.CancelWithSession(Now);
            Assert.Equal(BookingStatus.Cancelled, booking.Status);
            Assert.All(booking.Invitations, i => Assert.Equal(InvitationStatus.Cancelled, i.Status));
        });
}
