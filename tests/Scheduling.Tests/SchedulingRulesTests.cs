using Conventions.Modules.Scheduling.Domain;

namespace Scheduling.Tests;

/// <summary>Expanding a weekly permanence over a semester: public holidays, closures, semester bounds.</summary>
public sealed class SchedulingRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Venue Venue(params Closure[] closures) => new() { Id = Guid.NewGuid(), Name = "La Ruche Numérique", Closures = closures.ToList() };

    [Fact]
    public void A_semester_runs_january_to_june_or_july_to_december()
    {
        Assert.True(Semesters.TryParse("2027-S1", out var s1Start, out var s1End));
        Assert.True(Semesters.TryParse("2026-S2", out var s2Start, out var s2End));

        Assert.Equal((D(2027, 1, 1), D(2027, 6, 30)), (s1Start, s1End));
        Assert.Equal((D(2026, 7, 1), D(2026, 12, 31)), (s2Start, s2End));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2027-S3")]
    [InlineData("2027S1")]
    [InlineData("27-S1")]
    [InlineData("1999-S1")]
    public void A_malformed_semester_is_refused(string? text) => Assert.False(Semesters.TryParse(text, out _, out _));

    [Fact]
    public void Thursdays_of_2027_S1_skip_ascension_and_report_it()
    {
        Semesters.TryParse("2027-S1", out var start, out var end);

        var (dates, skipped) = Semesters.Expand(start, end, DayOfWeek.Thursday, Venue());

        Assert.Equal(D(2027, 1, 7), dates[0]);
        Assert.Equal(D(2027, 6, 24), dates[^1]);
        Assert.Equal(24, dates.Count);
        var ascension = Assert.Single(skipped);
        Assert.Equal(D(2027, 5, 6), ascension.Date);
        Assert.Contains("Ascension", ascension.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mondays_of_2026_S1_skip_easter_monday_and_whit_monday()
    {
        Semesters.TryParse("2026-S1", out var start, out var end);

        var (_, skipped) = Semesters.Expand(start, end, DayOfWeek.Monday, Venue());

        Assert.Equal(new[] { D(2026, 4, 6), D(2026, 5, 25) }, skipped.Select(s => s.Date));
    }

    [Fact]
    public void Tuesdays_of_2026_S2_stay_inside_the_semester_and_skip_14_july()
    {
        Semesters.TryParse("2026-S2", out var start, out var end);

        var (dates, skipped) = Semesters.Expand(start, end, DayOfWeek.Tuesday, Venue());

        Assert.Equal(D(2026, 7, 7), dates[0]);
        Assert.Equal(D(2026, 12, 29), dates[^1]);
        Assert.Equal(D(2026, 7, 14), Assert.Single(skipped).Date);
    }

    [Fact]
    public void A_closure_skips_the_dates_it_covers()
    {
        Semesters.TryParse("2027-S1", out var start, out var end);
        var venue = Venue(new Closure { From = D(2027, 2, 15), To = D(2027, 2, 26), Reason = "Travaux" });

        var (dates, skipped) = Semesters.Expand(start, end, DayOfWeek.Tuesday, venue);

        Assert.Equal(new[] { D(2027, 2, 16), D(2027, 2, 23) }, skipped.Select(s => s.Date));
        Assert.All(skipped, s => Assert.Contains("Travaux", s.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(D(2027, 2, 16), dates);
    }

    [Fact]
    public void Back_to_back_slots_do_not_overlap_but_any_shared_minute_does()
    {
        var nine = new DateTimeOffset(2027, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var occurrence = new Occurrence { StartsAt = nine, EndsAt = nine.AddHours(3) };

        Assert.False(occurrence.Overlaps(nine.AddHours(3), nine.AddHours(5)));
        Assert.False(occurrence.Overlaps(nine.AddHours(-2), nine));
        Assert.True(occurrence.Overlaps(nine.AddHours(2).AddMinutes(59), nine.AddHours(4)));
        Assert.True(occurrence.Overlaps(nine.AddHours(-1), nine.AddHours(4)));
    }
}
