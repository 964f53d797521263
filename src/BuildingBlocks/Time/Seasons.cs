using System.Globalization;

namespace Conventions.BuildingBlocks.Time;

/// <summary>Culture pour tous' seasons: "2026-2027" runs from 1 October 2026 to 30 September 2027.</summary>
public static class Seasons
{
    public static bool TryParse(string? season, out DateOnly startsOn, out DateOnly endsOn)
    {
        startsOn = endsOn = default;
        if (season is not { Length: 9 } || season[4] != '-'
            || !int.TryParse(season.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(season.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || second != first + 1 || first is < 2000 or > 2100)
        {
            return false;
        }
        (startsOn, endsOn) = (new DateOnly(first, 10, 1), new DateOnly(second, 9, 30));
        return true;
    }

    /// <summary>
    /// The first year of the season an instant falls in, by its date in Paris: 2026 for 1 October 2026 at 00:00 up to
    /// 30 September 2027 included.
    /// </summary>
    public static int YearOf(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        return paris.Month >= 10 ? paris.Year : paris.Year - 1;
    }

    /// <summary>The season starting on <paramref name="startsOn"/> (a 1 October), by name.</summary>
    public static string Name(DateOnly startsOn) => $"{startsOn.Year}-{startsOn.Year + 1}";
}
