using System.Collections.Concurrent;

namespace Conventions.BuildingBlocks.LegalCalendar;

/// <summary>A public holiday (jour férié) of metropolitan France.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// The eleven public holidays of metropolitan France (Code du travail art. L3133-1), the Easter-based ones computed.
/// Alsace-Moselle's two local holidays are not included: the programs served are in Lyon and the Gard.
/// </summary>
public static class FrenchHolidays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> Cache = new();

    public static IReadOnlyList<PublicHoliday> For(int year)
    {
        if (year is < 1583 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The Gregorian computation covers years 1583 to 9998.");
        }
        return Cache.GetOrAdd(year, Compute);
    }

    public static bool IsHoliday(DateOnly date, out PublicHoliday? holiday)
    {
        holiday = For(date.Year).FirstOrDefault(h => h.Date == date);
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

    private static IReadOnlyList<PublicHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        return new List<PublicHoliday>
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
        }.OrderBy(h => h.Date).ToList();
    }
}
