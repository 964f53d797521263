namespace Conventions.Modules.Scheduling.Features;

internal sealed record RoomDto(Guid Id, string Name, RoomKind Kind, int Capacity, bool HasInternet);

internal sealed record ClosureDto(Guid Id, DateOnly From, DateOnly To, string Reason);

internal sealed record VenueDto(Guid Id, string Name, Guid OperatorOrganizationId, string Line1, string PostalCode, string City, IReadOnlyList<RoomDto> Rooms, IReadOnlyList<ClosureDto> Closures);

internal static class VenueMapping
{
    public static VenueDto ToDto(Venue v) => new(
        v.Id, v.Name, v.OperatorOrganizationId, v.Line1, v.PostalCode, v.City,
        v.Rooms.OrderBy(r => r.Name).Select(r => new RoomDto(r.Id, r.Name, r.Kind, r.Capacity, r.HasInternet)).ToList(),
        v.Closures.OrderBy(c => c.From).Select(c => new ClosureDto(c.Id, c.From, c.To, c.Reason)).ToList());
}
