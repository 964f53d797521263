namespace Conventions.Modules.Scheduling.Domain;

/// <summary>Semesters: S1 = January to June, S2 = July to December.</summary>
internal static class Semesters
{
    public static bool TryParse(string? text, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] is not ('S' or 's') || text[6] is not ('1' or '2')
            || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2100)
        {
            return false;
        }
        (start, end) = text[6] == '1' ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));
        return true;
    }

    /// <summary>"2026-S1" as a letter says it: "premier semestre 2026".</summary>
    public static string InFrench(string semester) =>
        TryParse(semester, out var start, out _) ? $"{(start.Month == 1 ? "premier" : "second")} semestre {start.Year}" : semester;

    public static string Of(DateOnly date) => $"{date.Year}-S{(date.Month <= 6 ? 1 : 2)}";

    /// <summary>Every date of the semester falling on the day, and the ones skipped with why.</summary>
    public static (List<DateOnly> Dates, List<(DateOnly Date, string Reason)> Skipped) Expand(DateOnly start, DateOnly end, DayOfWeek day, Venue venue)
    {
        var dates = new List<DateOnly>();
        var skipped = new List<(DateOnly, string)>();
        var first = start.AddDays(((int)day - (int)start.DayOfWeek + 7) % 7);
        for (var date = first; date <= end; date = date.AddDays(7))
        {
            if (venue.ClosedBecause(date) is { } reason)
            {
                skipped.Add((date, reason));
            }
            else
            {
                dates.Add(date);
            }
        }
        return (dates, skipped);
    }
}
