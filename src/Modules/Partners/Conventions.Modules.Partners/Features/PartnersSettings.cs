using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary><c>Conventions:*</c> settings the Partners module reads.</summary>
internal sealed class PartnersSettings
{
    /// <summary>Month and day the programs' season ends (MM-dd): keys expire then by default. Culture pour tous runs October to September.</summary>
    public string SeasonEndsOn { get; set; } = "09-30";

    /// <summary>The first season end strictly after <paramref name="today"/>.</summary>
    public DateOnly NextSeasonEnd(DateOnly today)
    {
        var parts = SeasonEndsOn.Split('-');
        var (month, day) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var candidate = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
        return candidate > today ? candidate : new DateOnly(today.Year + 1, month, Math.Min(day, DateTime.DaysInMonth(today.Year + 1, month)));
    }
}
