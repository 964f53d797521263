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
