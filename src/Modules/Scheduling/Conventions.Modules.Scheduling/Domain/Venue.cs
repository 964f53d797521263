namespace Conventions.Modules.Scheduling.Domain;

internal enum RoomKind
{
    Room,
    Office,
}

/// <summary>A place with rooms and offices lent to partners (La Ruche Numérique).</summary>
internal sealed class Venue
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid OperatorOrganizationId { get; set; }

    public string Line1 { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public List<Room> Rooms { get; set; } = [];

    public List<Closure> Closures { get; set; } = [];

    /// <summary>When the venue is open, day by day (several ranges a day allowed); none set: slots at any time.</summary>
    public List<OpeningHours> OpeningHours { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the venue is closed on a date (a public holiday or a closure), or null when it is open.</summary>
    public string? ClosedBecause(DateOnly date)
    {
        // The holidays of the venue's place: Alsace-Moselle has two more.
        if (BuildingBlocks.LegalCalendar.FrenchHolidays.IsHoliday(date, BuildingBlocks.LegalCalendar.HolidayRegions.OfPostalCode(PostalCode), out var holiday))
        {
            return $"public holiday ({holiday!.Name})";
        }
        return Closures.FirstOrDefault(c => c.From <= date && date <= c.To) is { } closure ? $"closure ({closure.Reason})" : null;
    }

    private static string Hm(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why a weekly slot falls outside the opening hours, or null when it is within them (or none are set).</summary>
    public string? OutsideOpeningHours(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (OpeningHours.Count == 0)
        {
            return null;
        }
        var hours = OpeningHours.Where(h => h.DayOfWeek == day).OrderBy(h => h.Opens).ToList();
        if (hours.Count == 0)
        {
            return $"The venue is closed on {day}s.";
        }
        return hours.Any(h => h.Opens <= start && end <= h.Closes)
            ? null
            : $"On {day}s the venue is open {string.Join(" and ", hours.Select(h => $"{Hm(h.Opens)}–{Hm(h.Closes)}"))}: a slot fits within one of these.";
    }
}

/// <summary>A range of the venue's opening hours on a weekday.</summary>
internal sealed class OpeningHours
{
    public DayOfWeek DayOfWeek { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

internal sealed class Room
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    public string Name { get; set; } = string.Empty;

    public RoomKind Kind { get; set; }

    public int Capacity { get; set; }

    public bool HasInternet { get; set; }
}

internal sealed class Closure
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = string.Empty;
}
