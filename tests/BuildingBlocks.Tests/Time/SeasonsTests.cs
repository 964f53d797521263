using Conventions.BuildingBlocks.Time;

namespace BuildingBlocks.Tests.Time;

/// <summary>A season runs from 1 October to 30 September, by the date in Paris (the seat figures' seasons, issue 17).</summary>
public sealed class SeasonsTests
{
    [Theory]
    [InlineData("2026-10-01T00:00:00+02:00", 2026)] // the first instant of the season, in Paris
    [InlineData("2026-09-30T22:00:00Z", 2026)] // the same instant, in UTC: still 30 September there
    [InlineData("2026-09-30T21:59:59Z", 2025)] // 23:59:59 on 30 September in Paris: the season before
    [InlineData("2027-01-15T20:30:00+01:00", 2026)]
    [InlineData("2027-09-30T23:30:00+02:00", 2026)]
    public void An_instant_belongs_to_the_season_of_its_date_in_Paris(string instant, int year) =>
        Assert.Equal(year, Seasons.YearOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_season_of_an_instant_starts_on_the_first_of_October_it_names()
    {
        Assert.True(Seasons.TryParse("2026-2027", out var startsOn, out _));
        Assert.Equal(startsOn.Year, Seasons.YearOf(ParisTime.StartOf(startsOn)));
        Assert.Equal(startsOn.Year - 1, Seasons.YearOf(ParisTime.StartOf(startsOn).AddTicks(-1)));
    }
}
