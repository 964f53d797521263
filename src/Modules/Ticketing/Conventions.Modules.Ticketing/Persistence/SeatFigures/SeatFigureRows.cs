namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// A booking that changed (written, confirmed, cancelled, attended, moved with its session…), saved in the same
/// transaction as the change: its session's, structure's and beneficiary's seat figures are computed again by the next
/// refresh (<see cref="SeatFigures"/>), which then deletes this row.
/// </summary>
internal sealed class SeatFigureChange
{
    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid BeneficiaryId { get; private set; }

    public static SeatFigureChange Of(Booking booking) => new()
    {
        // Time-ordered, as the bookings' own identifiers: new rows land at the end of the table's key.
        Id = Guid.CreateVersion7(),
        SessionId = booking.SessionId,
        OrganizationId = booking.OrganizationId,
        BeneficiaryId = booking.BeneficiaryId,
    };
}

/// <summary>A session's seats in confirmed bookings (invitations not cancelled), those used, and its promoted bookings.</summary>
internal sealed class SessionSeatFigures
{
    public Guid SessionId { get; init; }

    public long Booked { get; init; }

    public long Used { get; init; }

    /// <summary>Bookings confirmed from the waiting list, whatever became of them since.</summary>
    public long Promotions { get; init; }
}

/// <summary>A structure's seats in confirmed bookings in one season (by the first year of the season).</summary>
internal sealed class OrganizationSeasonSeats
{
    public Guid OrganizationId { get; init; }

    public int Season { get; init; }

    public long Booked { get; init; }
}

/// <summary>A beneficiary had at least one confirmed outing in this season.</summary>
internal sealed class BeneficiarySeason
{
    public Guid BeneficiaryId { get; init; }

    public int Season { get; init; }
}

/// <summary>
/// The one row that orders the refreshes (each locks it first) and says whether the figures were ever computed in full
/// (<see cref="BuiltAt"/> null: the next refresh computes everything, as after the migration or a bulk load).
/// </summary>
internal sealed class SeatFiguresState
{
    public const int SingleId = 1;

    public int Id { get; private set; }

    public long Refreshes { get; private set; }

    public DateTimeOffset? BuiltAt { get; private set; }

    public DateTimeOffset? RefreshedAt { get; private set; }
}
