using Conventions.Modules.Ticketing.Domain;

namespace Ticketing.Tests.Rules;

public sealed class ReasonableUseTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Up_to_two_bookings_a_week_per_person_carry_no_warning(int already) => Assert.Null(ReasonableUse.WarningFor(already, Monday));

    [Fact]
    public void The_third_booking_of_the_week_succeeds_with_an_indicative_warning_in_french()
    {
        var warning = ReasonableUse.WarningFor(2, Monday);

        Assert.Equal("Alerte indicative : c'est la 3e réservation de cette personne pour la semaine du 30 novembre 2026. La convention invite à ne pas dépasser deux réservations par semaine et par personne.", warning);
    }
}
