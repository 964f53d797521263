using Conventions.BuildingBlocks.LegalCalendar;

namespace BuildingBlocks.Tests.LegalCalendar;

public sealed class FrenchHolidaysTests
{
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)] // latest possible date
    [InlineData(2285, 3, 22)] // earliest possible date
    public void Easter_Sunday_is_computed_by_the_Gregorian_rule(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void Metropolitan_France_has_eleven_public_holidays_with_the_Easter_based_ones_moving()
    {
        var holidays = FrenchHolidays.For(2024).Select(h => h.Date).ToList();

        Assert.Equal(
            new[]
            {
                new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 8),
                new DateOnly(2024, 5, 9), new DateOnly(2024, 5, 20), new DateOnly(2024, 7, 14), new DateOnly(2024, 8, 15),
                new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 11), new DateOnly(2024, 12, 25),
            },
            holidays);
    }

    [Fact]
    public void Easter_Monday_Ascension_and_Whit_Monday_follow_Easter_in_2026()
    {
        var names = FrenchHolidays.For(2026).ToDictionary(h => h.Name, h => h.Date);

        Assert.Equal(new DateOnly(2026, 4, 6), names["Lundi de Pâques"]);
        Assert.Equal(new DateOnly(2026, 5, 14), names["Ascension"]);
        Assert.Equal(new DateOnly(2026, 5, 25), names["Lundi de Pentecôte"]);
    }

    [Fact]
    public void Good_Friday_is_not_a_holiday_outside_Alsace_Moselle() =>
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2024, 3, 29), out _));

    [Theory]
    [InlineData(1582)]
    [InlineData(9999)]
    public void Years_outside_the_Gregorian_computation_are_refused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.For(year));
}
