namespace Conventions.Modules.Ticketing.Domain;

/// <summary>Free invitations a cultural partner deposits: a show, a visit, a match… with its sessions.</summary>
internal sealed class Offer : global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
{
    private Offer()
    {
    }

    public Guid Id { get; private set; }

    public Guid PublisherOrganizationId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public OfferCategory Category { get; private set; }

    public string VenueName { get; private set; } = string.Empty;

    public string City { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public List<Session> Sessions { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it, or a row it owns, last changed (stamped as changes are saved; seat counts excluded).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>An offer and its sessions, each with all its seats free.</summary>
    public static Offer Publish(Guid publisher, OfferText text, IEnumerable<SessionPlan> sessions, DateTimeOffset now, Guid? id = null)
    {
        var offer = new Offer
        {
            Id = id ?? Guid.NewGuid(),
            PublisherOrganizationId = publisher,
            Title = text.Title.Trim(),
            Category = text.Category,
            VenueName = text.VenueName.Trim(),
            City = text.City.Trim(),
            Description = text.Description.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        offer.Sessions = sessions.Select(s => Session.Plan(offer.Id, s)).ToList();
        return offer;
    }
}

/// <summary>What an offer says of itself.</summary>
internal sealed record OfferText(string Title, OfferCategory Category, string VenueName, string City, string Description);

/// <summary>A session as its publisher plans it: when, how many seats, and the booking window if any.</summary>
internal readonly record struct SessionPlan(DateTimeOffset StartsAt, int Seats, DateTimeOffset? BookingOpensAt = null, DateTimeOffset? BookingClosesAt = null);
