namespace Conventions.Modules.Scheduling.Features;

internal sealed record RoomDto(Guid Id, string Name, RoomKind Kind, int Capacity, bool HasInternet);

internal sealed record ClosureDto(Guid Id, DateOnly From, DateOnly To, string Reason);

/// <summary>A range of opening hours: the weekday, opening and closing times (HH:mm).</summary>
internal sealed record OpeningHoursDto(DayOfWeek DayOfWeek, string Opens, string Closes);

internal sealed record VenueDto(Guid Id, string Name, Guid OperatorOrganizationId, string Line1, string PostalCode, string City, IReadOnlyList<RoomDto> Rooms, IReadOnlyList<ClosureDto> Closures, IReadOnlyList<OpeningHoursDto> OpeningHours);

internal static class VenueMapping
{
    public static VenueDto ToDto(Venue v) => new(
        v.Id, v.Name, v.OperatorOrganizationId, v.Line1, v.PostalCode, v.City,
        v.Rooms.OrderBy(r => r.Name).Select(r => new RoomDto(r.Id, r.Name, r.Kind, r.Capacity, r.HasInternet)).ToList(),
        v.Closures.OrderBy(c => c.From).Select(c => new ClosureDto(c.Id, c.From, c.To, c.Reason)).ToList(),
        v.OpeningHours.OrderBy(h => ((int)h.DayOfWeek + 6) % 7).ThenBy(h => h.Opens)
            .Select(h => new OpeningHoursDto(h.DayOfWeek, SchedulingMapping.Time(h.Opens), SchedulingMapping.Time(h.Closes))).ToList());
}
