using System.Collections.Concurrent;

namespace Conventions.BuildingBlocks.LegalCalendar;

/// <summary>A public holiday (jour férié) of metropolitan France.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>Which public holidays apply: metropolitan France's eleven, or Alsace-Moselle's thirteen.</summary>
public enum HolidayRegion
{
    Metropolitan,

    /// <summary>Bas-Rhin (67), Haut-Rhin (68), Moselle (57): Good Friday and 26 December are also public holidays (Code du travail art. L3134-13).</summary>
    AlsaceMoselle,
}

/// <summary>The region of a place, and the words an explanation uses for it.</summary>
public static class HolidayRegions
{
    /// <summary>Alsace-Moselle for a postal code of the Bas-Rhin (67), Haut-Rhin (68) or Moselle (57); metropolitan France otherwise.</summary>
    public static HolidayRegion OfPostalCode(string? postalCode) =>
        postalCode?.Trim() is { Length: 5 } code && code.All(char.IsAsciiDigit) && code[..2] is "57" or "67" or "68"
            ? HolidayRegion.AlsaceMoselle
            : HolidayRegion.Metropolitan;

    /// <summary>The query-string spelling: <c>metropolitan</c> or <c>alsace-moselle</c>.</summary>
    public static string Key(HolidayRegion region) => region == HolidayRegion.AlsaceMoselle ? "alsace-moselle" : "metropolitan";

    public static bool TryParse(string? key, out HolidayRegion region)
    {
        region = HolidayRegion.Metropolitan;
        switch (key?.Trim().ToLowerInvariant())
        {
            case null or "" or "metropolitan":
                return true;
            case "alsace-moselle":
                region = HolidayRegion.AlsaceMoselle;
                return true;
            default:
                return false;
        }
    }

    public static string Describe(HolidayRegion region) => region == HolidayRegion.AlsaceMoselle
        ? "the calendar of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle), where Good Friday and 26 December are also public holidays (Code du travail art. L3134-13)"
        : "the calendar of metropolitan France (Code du travail art. L3133-1)";
}

/// <summary>
/// The eleven public holidays of metropolitan France (Code du travail art. L3133-1), the Easter-based ones computed, and
/// Alsace-Moselle's two more (Good Friday, 26 December: art. L3134-13) for conventions located there.
/// </summary>
public static class FrenchHolidays
{
    private static readonly ConcurrentDictionary<(int, HolidayRegion), IReadOnlyList<PublicHoliday>> Cache = new();

    public static IReadOnlyList<PublicHoliday> For(int year, HolidayRegion region = HolidayRegion.Metropolitan)
    {
        if (year is < 1583 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The Gregorian computation covers years 1583 to 9998.");
        }
        return Cache.GetOrAdd((year, region), key => Compute(key.Item1, key.Item2));
    }

    public static bool IsHoliday(DateOnly date, out PublicHoliday? holiday) => IsHoliday(date, HolidayRegion.Metropolitan, out holiday);

    public static bool IsHoliday(DateOnly date, HolidayRegion region, out PublicHoliday? holiday)
    {
        holiday = For(date.Year, region).FirstOrDefault(h => h.Date == date);
        return holiday is not null;
    }
    /// <summary>Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static IReadOnlyList<PublicHoliday> Compute(int year, HolidayRegion region)
    {
        var easter = EasterSunday(year);
        var holidays = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "Jour de l'an"),
            new(easter.AddDays(1), "Lundi de Pâques"),
            new(new DateOnly(year, 5, 1), "Fête du Travail"),
            new(new DateOnly(year, 5, 8), "Victoire 1945"),
            new(easter.AddDays(39), "Ascension"),
            new(easter.AddDays(50), "Lundi de Pentecôte"),
            new(new DateOnly(year, 7, 14), "Fête nationale"),
            new(new DateOnly(year, 8, 15), "Assomption"),
            new(new DateOnly(year, 11, 1), "Toussaint"),
            new(new DateOnly(year, 11, 11), "Armistice 1918"),
            new(new DateOnly(year, 12, 25), "Noël"),
        };
        if (region == HolidayRegion.AlsaceMoselle)
        {
            holidays.Add(new(easter.AddDays(-2), "Vendredi saint"));
            holidays.Add(new(new DateOnly(year, 12, 26), "Saint-Étienne"));
        }
        return holidays.OrderBy(h => h.Date).ToList();
    }
}
