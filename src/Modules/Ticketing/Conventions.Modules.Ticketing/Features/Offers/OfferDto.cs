namespace Conventions.Modules.Ticketing.Features;

internal sealed record SessionDto(Guid Id, DateTimeOffset StartsAt, int Seats, int SeatsLeft, DateTimeOffset? BookingOpensAt, DateTimeOffset? BookingClosesAt, SessionStatus Status, string? CancellationReason);

internal sealed record OfferDto(Guid Id, Guid PublisherOrganizationId, string Title, OfferCategory Category, string VenueName, string City, string Description, IReadOnlyList<SessionDto> Sessions, DateTimeOffset UpdatedAt);

internal static class OfferMapping
{
    public static SessionDto ToDto(Session s) => new(s.Id, ParisTime.ToParis(s.StartsAt), s.Seats, s.SeatsLeft,
        s.BookingOpensAt is { } o ? ParisTime.ToParis(o) : null, s.BookingClosesAt is { } c ? ParisTime.ToParis(c) : null, s.Status, s.CancellationReason);

    public static OfferDto ToDto(Offer o) => new(o.Id, o.PublisherOrganizationId, o.Title, o.Category, o.VenueName, o.City, o.Description,
        o.Sessions.OrderBy(s => s.StartsAt).Select(ToDto).ToList(), o.UpdatedAt);
}
