using Conventions.BuildingBlocks.LegalCalendar;

namespace BuildingBlocks.Tests.LegalCalendar;

/// <summary>Alsace-Moselle's calendar (issue 18): Good Friday and 26 December are public holidays there (C. trav. L3134-13).</summary>
public sealed class RegionalCalendarTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("67000", HolidayRegion.AlsaceMoselle)]
    [InlineData("68100", HolidayRegion.AlsaceMoselle)]
    [InlineData("57000", HolidayRegion.AlsaceMoselle)]
    [InlineData(" 57050 ", HolidayRegion.AlsaceMoselle)]
    [InlineData("69007", HolidayRegion.Metropolitan)]
    [InlineData("30200", HolidayRegion.Metropolitan)]
    [InlineData("5700", HolidayRegion.Metropolitan)]
    [InlineData("6700A", HolidayRegion.Metropolitan)]
    [InlineData(null, HolidayRegion.Metropolitan)]
    public void The_region_follows_the_departement_of_the_postal_code(string? postalCode, HolidayRegion expected) =>
        Assert.Equal(expected, HolidayRegions.OfPostalCode(postalCode));

    [Fact]
    public void Alsace_Moselle_has_thirteen_holidays_with_good_friday_and_saint_stephen()
    {
        var local = FrenchHolidays.For(2025, HolidayRegion.AlsaceMoselle);

        Assert.Equal(11, FrenchHolidays.For(2025).Count);
        Assert.Equal(13, local.Count);
        Assert.Contains(local, h => h.Date == D("2025-04-18") && h.Name == "Vendredi saint");
        Assert.Contains(local, h => h.Date == D("2025-12-26") && h.Name == "Saint-Étienne");
        Assert.DoesNotContain(FrenchHolidays.For(2025), h => h.Date == D("2025-04-18"));
    }

    [Fact]
    public void A_deadline_ending_on_26_december_or_good_friday_is_extended_only_in_alsace_moselle_and_says_which_calendar()
    {
        var metropolitan = LegalDeadlines.Compute(D("2025-12-11"), LegalPeriod.Days(15));
        var local = LegalDeadlines.Compute(D("2025-12-11"), LegalPeriod.Days(15), HolidayRegion.AlsaceMoselle);

        Assert.Equal((D("2025-12-26"), D("2025-12-26")), (metropolitan.NominalDueOn, metropolitan.DueOn));
        Assert.Equal(D("2025-12-29"), local.DueOn);
        Assert.Contains("Saint-Étienne", local.Explanation, StringComparison.Ordinal);
        Assert.Contains("Alsace-Moselle", local.Explanation, StringComparison.Ordinal);
        Assert.Contains("metropolitan France", metropolitan.Explanation, StringComparison.Ordinal);

        // Good Friday 2025 (18 April), then the weekend and Easter Monday.
        Assert.Equal(D("2025-04-22"), LegalDeadlines.Compute(D("2025-04-03"), LegalPeriod.Days(15), HolidayRegion.AlsaceMoselle).DueOn);
        Assert.Equal(D("2025-04-18"), LegalDeadlines.Compute(D("2025-04-03"), LegalPeriod.Days(15)).DueOn);
        Assert.Equal(D("2025-12-22"), LegalDeadlines.WorkingDaysBefore(D("2025-12-29"), 3, HolidayRegion.AlsaceMoselle));
    }
}
