using Conventions.Modules.Ticketing.Domain;

namespace Ticketing.Tests.Rules;

/// <summary>ADR 0010: seats freed on a full session go to the waiting bookings in order, each when its whole party fits.</summary>
public sealed class WaitlistPolicyTests
{
    private sealed record Waiting(string Name, int Party);

    private static string[] Served(int free, params Waiting[] waiting) =>
        WaitlistPolicy.Pick(waiting, w => w.Party, free).Select(w => w.Name).ToArray();

    [Fact]
    public void Freed_seats_go_to_the_waiting_bookings_in_their_order() =>
        Assert.Equal(new[] { "first", "second" }, Served(4, new("first", 2), new("second", 2), new("third", 1)));

    [Fact]
    public void A_later_single_overtakes_an_earlier_group_that_does_not_fit() =>
        Assert.Equal(new[] { "single" }, Served(1, new("group of three", 3), new("single", 1)));

    [Fact]
    public void A_group_is_never_split_and_no_seat_is_given_to_part_of_a_party() =>
        Assert.Empty(Served(2, new Waiting("group of three", 3)));

    [Fact]
    public void No_seat_stays_empty_while_a_waiting_booking_could_use_it() =>
        Assert.Equal(new[] { "pair", "single" }, Served(3, new("pair", 2), new("group of two", 2), new("single", 1)));

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(1, 1, true)]
    [InlineData(3, 2, false)]
    [InlineData(2, 5, true)]
    public void A_party_fits_when_all_its_seats_are_free(int party, int free, bool fits) => Assert.Equal(fits, WaitlistPolicy.Fits(party, free));
}
