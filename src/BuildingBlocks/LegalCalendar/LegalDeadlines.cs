using System.Globalization;
using System.Text;

namespace Conventions.BuildingBlocks.LegalCalendar;

/// <summary>A day the deadline could not end on, and why.</summary>
public sealed record DeadlineExtension(DateOnly Date, string Reason);

/// <summary>A computed legal deadline: the start, the period, the nominal date, the due date, the calendar, and how it was reached.</summary>
public sealed record LegalDeadline(
    DateOnly From,
    LegalPeriod Period,
    DateOnly NominalDueOn,
    DateOnly DueOn,
    IReadOnlyList<DeadlineExtension> Extensions,
    string Explanation,
    HolidayRegion Region = HolidayRegion.Metropolitan)
{
    /// <summary>A deadline ends on its last day at midnight (CPC art. 642): an act on <see cref="DueOn"/> is in time, the next day is late.</summary>
    public bool IsInTime(DateOnly actOn) => actOn <= DueOn;
}

/// <summary>
/// Deadlines as the Code de procédure civile computes them (art. 640 to 642):
/// the day of the act or notification that starts the period does not count (641);
/// a period in days ends on its last day; a period in months or years ends on the day of the last month bearing the
/// same number as the starting day, or on the month's last day when there is no such day (641);
/// every period ends on its last day at midnight, and one that would end on a Saturday, Sunday or public holiday
/// is extended to the next working day (642).
/// </summary>
public static class LegalDeadlines
{
    public static LegalDeadline Compute(DateOnly from, LegalPeriod period, HolidayRegion region = HolidayRegion.Metropolitan)
    {
        ArgumentNullException.ThrowIfNull(period);
        var text = new StringBuilder();
        var fromText = Format(from);
        DateOnly nominal;
        switch (period.Unit)
        {
            case PeriodUnit.Days:
            case PeriodUnit.Weeks:
                var days = period.Unit == PeriodUnit.Days ? period.Value : period.Value * 7;
                nominal = from.AddDays(days);
                text.Append(CultureInfo.InvariantCulture,
                    $"Starts from {fromText}; that day does not count (CPC art. 641), so the {period.Describe()} run from {Format(from.AddDays(1))} and end on {Format(nominal)}.");
                break;
            default:
                var months = period.Unit == PeriodUnit.Months ? period.Value : period.Value * 12;
                var target = from.AddMonths(months); // DateOnly.AddMonths clamps to the month's last day.
                nominal = target;
                if (target.Day != from.Day)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"Starts from {fromText}; a period of {period.Describe()} ends on the same day number of the last month (CPC art. 641), and {MonthName(target)} has no day {from.Day}, so it ends on the month's last day, {Format(nominal)}.");
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"Starts from {fromText}; a period of {period.Describe()} ends on the same day number of the last month (CPC art. 641): {Format(nominal)}.");
                }
                break;
        }

        var extensions = new List<DeadlineExtension>();
        var due = nominal;
        while (!IsWorkingDay(due, region, out var reason))
        {
            extensions.Add(new DeadlineExtension(due, reason!));
            due = due.AddDays(1);
        }

        if (extensions.Count > 0)
        {
            text.Append(" It cannot end on ");
            text.Append(string.Join(", then on ", extensions.Select(e => $"{Format(e.Date)} ({e.Reason})")));
            text.Append(CultureInfo.InvariantCulture, $", so it is extended to the next working day (CPC art. 642): {Format(due)}.");
        }
        else
        {
            text.Append(" That is a working day.");
        }
        text.Append(CultureInfo.InvariantCulture, $" The deadline ends on {Format(due)} at midnight (CPC art. 642).");
        text.Append(CultureInfo.InvariantCulture, $" Public holidays: {HolidayRegions.Describe(region)}.");

        return new LegalDeadline(from, period, nominal, due, extensions, text.ToString(), region);
    }

    /// <summary>Monday to Friday, not a public holiday (of the region's calendar).</summary>
    public static bool IsWorkingDay(DateOnly date, HolidayRegion region = HolidayRegion.Metropolitan) => IsWorkingDay(date, region, out _);

    public static bool IsWorkingDay(DateOnly date, out string? reason) => IsWorkingDay(date, HolidayRegion.Metropolitan, out reason);

    public static bool IsWorkingDay(DateOnly date, HolidayRegion region, out string? reason)
    {
        reason = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => "a Saturday",
            DayOfWeek.Sunday => "a Sunday",
            _ => FrenchHolidays.IsHoliday(date, region, out var holiday) ? $"a public holiday, {holiday!.Name}" : null,
        };
        return reason is null;
    }

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="date"/> (for reminders).</summary>
    public static DateOnly WorkingDaysBefore(DateOnly date, int count, HolidayRegion region = HolidayRegion.Metropolitan)
    {
        var day = date;
        var remaining = count;
        while (remaining > 0)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day, region))
            {
                remaining--;
            }
        }
        return day;
    }

    private static string Format(DateOnly date) =>
        date.ToString("dddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthName(DateOnly date) =>
        date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
