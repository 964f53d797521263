namespace Conventions.Modules.Ticketing.Domain;

/// <summary>
/// Who gets seats freed on a full session (ADR 0010): the waiting bookings in their order, each served when its whole
/// party fits in the seats still free; a booking that does not fit is passed over, not a blocker, so a later single can
/// overtake an earlier group of three when one seat comes free. No seat stays empty while someone waiting could use it.
/// </summary>
internal static class WaitlistPolicy
{
    public static bool Fits(int party, int freeSeats) => freeSeats > 0 && party <= freeSeats;

    /// <summary>The bookings served, in order, from <paramref name="waitingInOrder"/> with <paramref name="freeSeats"/> free.</summary>
    public static IReadOnlyList<T> Pick<T>(IEnumerable<T> waitingInOrder, Func<T, int> party, int freeSeats)
    {
        var served = new List<T>();
        foreach (var booking in waitingInOrder)
        {
            if (Fits(party(booking), freeSeats))
            {
                served.Add(booking);
                freeSeats -= party(booking);
            }
        }
        return served;
    }
}
