namespace Conventions.Modules.Scheduling.Domain;

internal enum RoomKind
{
    Room,
    Office,
}

internal enum Activity
{
    Retirement,
    ResidencePermit,
    DigitalWorkshop,
    Other,
}

internal enum VisitCategory
{
    WalkIn,
    Appointment,
    AutonomousAccess,
    Partner,
    DigitalAdviser,
    Other,
}

internal enum OccurrenceKind
{
    Permanence,
    Reservation,
}

internal enum OccurrenceStatus
{
    Planned,
    Cancelled,
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

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the venue is closed on a date (a public holiday or a closure), or null when it is open.</summary>
    public string? ClosedBecause(DateOnly date)
    {
        if (BuildingBlocks.LegalCalendar.FrenchHolidays.IsHoliday(date, out var holiday))
        {
            return $"public holiday ({holiday!.Name})";
        }
        return Closures.FirstOrDefault(c => c.From <= date && date <= c.To) is { } closure ? $"closure ({closure.Reason})" : null;
    }
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

/// <summary>A weekly slot of a partner over a semester, expanded into dated occurrences.</summary>
internal sealed class Permanence
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public Guid PartnerOrganizationId { get; set; }

    public Guid VenueId { get; set; }

    public Guid RoomId { get; set; }

    public string Semester { get; set; } = string.Empty;

    public DayOfWeek DayOfWeek { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    public Activity Activity { get; set; }

    public string Intervenant { get; set; } = string.Empty;

    public int Capacity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A dated use of a room: an occurrence of a permanence, or a reservation on appointment.</summary>
internal sealed class Occurrence
{
    public Guid Id { get; set; }

    public OccurrenceKind Kind { get; set; }

    public Guid? PermanenceId { get; set; }

    public Guid VenueId { get; set; }

    public Guid RoomId { get; set; }

    public Guid ConventionId { get; set; }

    public Guid PartnerOrganizationId { get; set; }

    public DateOnly Date { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string Title { get; set; } = string.Empty;

    public Activity? Activity { get; set; }

    public string? Intervenant { get; set; }

    public int Capacity { get; set; }

    public OccurrenceStatus Status { get; set; }

    public string? CancellationReason { get; set; }

    public List<Appointment> Appointments { get; set; } = [];

    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}

/// <summary>A person's appointment in an occurrence (referred by the venue or coming on their own).</summary>
internal sealed class Appointment
{
    public Guid Id { get; set; }

    public Guid OccurrenceId { get; set; }

    public string PersonName { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public bool ReferredByVenue { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Visitors counted on a day in a category.</summary>
internal sealed class VisitCount
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    public DateOnly On { get; set; }

    public VisitCategory Category { get; set; }

    public int Count { get; set; }
}

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
