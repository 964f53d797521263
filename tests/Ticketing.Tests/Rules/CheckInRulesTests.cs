using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Ticketing.Domain;

namespace Ticketing.Tests.Rules;

/// <summary>The door's rules (issue 19): which codes admit someone, when the door is open, how a code is read.</summary>
public sealed class CheckInRulesTests
{
    private static readonly DateTimeOffset Show = ParisTime.At(new DateOnly(2026, 12, 4), new TimeOnly(20, 30));

    private static Booking Confirmed()
    {
        var booking = Booking.Request(new BookedSession(Guid.NewGuid(), Guid.NewGuid(), Show), Guid.NewGuid(), Guid.NewGuid(), null,
            [new("Samia K.", InvitationRole.Beneficiary), new("Invité", InvitationRole.Guest, GuestRelation.Family)], Show.AddDays(-10));
        booking.Confirm();
        return booking;
    }

    [Fact]
    public void Checking_in_fills_the_seats_attendance_once_and_a_second_time_changes_nothing()
    {
        var booking = Confirmed();
        var seat = booking.Invitations[0];

        Assert.True(booking.CheckIn(seat.Id, Show.AddMinutes(-20)));
        Assert.False(booking.CheckIn(seat.Id, Show.AddMinutes(-5)));

        Assert.Equal((InvitationStatus.Attended, Show.AddMinutes(-20)), (seat.Status, seat.CheckedInAt));
        Assert.Equal(InvitationStatus.Valid, booking.Invitations[1].Status);
    }

    [Fact]
    public void A_cancelled_seat_or_a_waiting_booking_admits_nobody()
    {
        var booking = Confirmed();
        booking.CancelInvitation(booking.Invitations[1].Id, Show.AddDays(-1));
        Assert.Equal("check_in.cancelled", Assert.Throws<ConflictException>(() => booking.CheckIn(booking.Invitations[1].Id, Show)).Code);

        var waiting = Booking.Request(new BookedSession(Guid.NewGuid(), Guid.NewGuid(), Show), Guid.NewGuid(), Guid.NewGuid(), null,
            [new("Chloé M.", InvitationRole.Beneficiary)], Show.AddDays(-10));
        waiting.Wait(1);
        Assert.Equal("check_in.waitlisted", Assert.Throws<ConflictException>(() => waiting.CheckIn(waiting.Invitations[0].Id, Show)).Code);
    }

    [Theory]
    [InlineData(-181, false)]
    [InlineData(-180, true)]
    [InlineData(90, true)]
    [InlineData(209, true)]
    [InlineData(210, false)]
    public void The_door_opens_three_hours_before_and_closes_at_the_end_of_the_day_in_paris(int minutesFromStart, bool open)
    {
        var session = Session.Plan(Guid.NewGuid(), new SessionPlan(Show, 100));

        var refusal = Record.Exception(() => session.EnsureCheckInOpen(Show.AddMinutes(minutesFromStart)));

        Assert.Equal(open, refusal is null);
    }

    [Theory]
    [InlineData("K7QM-4TRX", "K7QM-4TRX")]
    [InlineData(" k7qm 4trx ", "K7QM-4TRX")]
    [InlineData("K7QM4TRX", "K7QM-4TRX")]
    [InlineData("K7QM-4TR", null)]
    [InlineData("", null)]
    public void A_code_is_read_whatever_its_case_spaces_and_dash(string typed, string? read) => Assert.Equal(read, Invitation.NormalizeCode(typed));
}

/// <summary>Les écrieurs' text filter and signature rule (issue 19).</summary>
public sealed class WritingRulesTests
{
    [Theory]
    [InlineData("Une belle soirée, merci à toute l'équipe du théâtre !", true)]
    [InlineData("Un <i>beau</i> moment", false)]
    [InlineData("Voir www.exemple.fr pour les photos", false)]
    [InlineData("Mon blog : exemple.org/soiree", false)]
    [InlineData("Écrire à quelqu'un@exemple.org", false)]
    [InlineData("Le lien [ici](http://x)", false)]
    [InlineData("Deux &amp; trois", false)]
    [InlineData("Prix : 3 € & des rires", true)]
    public void A_text_is_plain_prose_without_markup_or_links(string text, bool plain) => Assert.Equal(plain, Writing.WhyNotPlainText(text) is null);

    [Theory]
    [InlineData(null, true)]
    [InlineData("Samia", true)]
    [InlineData("Marie-Claire", true)]
    [InlineData("S. K.", true)]
    [InlineData("Samia K.", true)]
    [InlineData("Samia Kaddour Benali", false)]
    [InlineData("Samia <b>", false)]
    [InlineData("Samia2", false)]
    public void An_author_signs_with_a_first_name_or_initials_at_most(string? name, bool accepted) => Assert.Equal(accepted, Writing.IsFirstNameOrInitials(name));
}
