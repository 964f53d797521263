using Conventions.BuildingBlocks.LegalCalendar;

namespace BuildingBlocks.Tests.LegalCalendar;

/// <summary>Code de procédure civile art. 640-642, case by case.</summary>
public sealed class LegalDeadlinesTests
{
    private static LegalDeadline Compute(string from, string period) =>
        LegalDeadlines.Compute(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), LegalPeriod.Parse(period));

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_day_of_notification_does_not_count_and_a_day_period_ends_on_its_last_day()
    {
        var deadline = Compute("2024-04-02", "P15D");

        Assert.Equal(D("2024-04-17"), deadline.NominalDueOn);
        Assert.Equal(D("2024-04-17"), deadline.DueOn);
        Assert.Empty(deadline.Extensions);
        Assert.Contains("does not count (CPC art. 641)", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holiday_that_follows_a_holiday_extends_the_deadline_past_both()
    {
        // 8 May 2024 (Victoire 1945) is followed by Ascension on 9 May.
        var deadline = Compute("2024-04-23", "P15D");

        Assert.Equal(D("2024-05-08"), deadline.NominalDueOn);
        Assert.Equal(D("2024-05-10"), deadline.DueOn);
        Assert.Equal(new[] { D("2024-05-08"), D("2024-05-09") }, deadline.Extensions.Select(e => e.Date));
        Assert.Contains("Ascension", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("CPC art. 642", deadline.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-07", "2024-06-22", "2024-06-24")] // ends on a Saturday
    [InlineData("2024-06-08", "2024-06-23", "2024-06-24")] // ends on a Sunday
    [InlineData("2024-06-29", "2024-07-14", "2024-07-15")] // 14 July on a Sunday
    [InlineData("2024-03-17", "2024-04-01", "2024-04-02")] // Easter Monday
    [InlineData("2024-05-05", "2024-05-20", "2024-05-21")] // Whit Monday
    [InlineData("2026-12-10", "2026-12-25", "2026-12-28")] // Christmas on a Friday, then the weekend
    [InlineData("2021-12-17", "2022-01-01", "2022-01-03")] // New Year's Day on a Saturday
    public void A_deadline_ending_on_a_weekend_or_holiday_moves_to_the_next_working_day(string from, string nominal, string due)
    {
        var deadline = Compute(from, "P15D");

        Assert.Equal(D(nominal), deadline.NominalDueOn);
        Assert.Equal(D(due), deadline.DueOn);
        Assert.True(LegalDeadlines.IsWorkingDay(deadline.DueOn));
    }

    [Theory]
    [InlineData("2024-04-23", "2024-05-23")] // same day number
    [InlineData("2024-01-31", "2024-02-29")] // leap year: February has 29 days, no 31st
    [InlineData("2023-01-31", "2023-02-28")] // common year
    [InlineData("2024-03-31", "2024-04-30")] // April has no 31st
    [InlineData("2024-02-29", "2024-03-29")] // Good Friday is a working day in metropolitan France
    public void A_month_period_ends_on_the_same_day_number_or_the_last_day_of_the_month(string from, string due)
    {
        var deadline = Compute(from, "P1M");

        Assert.Equal(D(due), deadline.NominalDueOn);
        Assert.Equal(D(due), deadline.DueOn);
    }

    [Fact]
    public void A_month_period_without_the_same_day_number_says_so()
    {
        var deadline = Compute("2024-01-31", "P1M");

        Assert.Contains("has no day 31", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_period_ending_on_a_holiday_is_extended()
    {
        // 1 April 2024 + 1 month = 1 May 2024, Fête du Travail: extended to Thursday 2 May.
        var deadline = Compute("2024-04-01", "P1M");

        Assert.Equal(D("2024-05-01"), deadline.NominalDueOn);
        Assert.Equal(D("2024-05-02"), deadline.DueOn);
    }

    [Fact]
    public void A_year_from_29_February_ends_on_28_February() =>
        Assert.Equal(D("2025-02-28"), Compute("2024-02-29", "P1Y").DueOn);

    [Fact]
    public void Weeks_count_as_seven_days() =>
        Assert.Equal(D("2024-05-07"), Compute("2024-04-23", "P2W").DueOn);

    [Fact]
    public void A_deadline_ends_at_midnight_of_its_last_day()
    {
        var deadline = Compute("2024-04-23", "P15D");

        Assert.True(deadline.IsInTime(D("2024-05-10")));
        Assert.False(deadline.IsInTime(D("2024-05-11")));
    }

    [Fact]
    public void Reminders_count_working_days_back_over_holidays() =>
        Assert.Equal(D("2024-05-03"), LegalDeadlines.WorkingDaysBefore(D("2024-05-10"), 3));

    [Theory]
    [InlineData("P15D", 15, PeriodUnit.Days)]
    [InlineData("p1m", 1, PeriodUnit.Months)]
    [InlineData("P2W", 2, PeriodUnit.Weeks)]
    [InlineData("P1Y", 1, PeriodUnit.Years)]
    public void Periods_are_ISO_8601_durations_with_one_component(string text, int value, PeriodUnit unit)
    {
        Assert.True(LegalPeriod.TryParse(text, out var period));
        Assert.Equal(new LegalPeriod(value, unit), period);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("P0D")]
    [InlineData("P1M2D")]
    [InlineData("P99999D")]
    [InlineData("PT15H")]
    [InlineData("P-1D")]
    public void Malformed_periods_are_refused(string? text) =>
        Assert.False(LegalPeriod.TryParse(text, out _));
}
