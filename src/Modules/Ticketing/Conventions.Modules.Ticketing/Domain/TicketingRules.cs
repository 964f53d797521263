using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Ticketing.Domain;

/// <summary>What a session allows, in one place (the checks were written three times in the handlers).</summary>
internal static class SessionRules
{
    /// <summary>A session is changed or cancelled only while it is scheduled and has not started.</summary>
    public static void EnsureChangeable(this Session session, DateTimeOffset now)
    {
        if (session.Status == SessionStatus.Cancelled)
        {
            throw new ConflictException("session.cancelled", "This session is cancelled.");
        }
        if (session.StartsAt <= now)
        {
            throw new ConflictException("session.started", "This session has started.");
        }
    }

    /// <summary>Bookable: scheduled, not started, and inside its booking window when it has one.</summary>
    public static void EnsureBookable(this Session session, DateTimeOffset now)
    {
        session.EnsureChangeable(now);
        if (session.BookingOpensAt > now || session.BookingClosesAt <= now)
        {
            throw new ConflictException("session.booking_closed", "Bookings for this session are not open now.");
        }
    }

    /// <summary>Cancels the session; its bookings are cancelled with it (<see cref="BookingRules.CancelWithSession"/>).</summary>
    public static void Cancel(this Session session, string reason, DateTimeOffset now)
    {
        session.EnsureChangeable(now);
        session.Status = SessionStatus.Cancelled;
        session.CancellationReason = reason;
        session.Waiting = 0;
    }
}

/// <summary>What cancelling did: the seats it gave back to the session, and whether the booking left the waiting list.</summary>
internal readonly record struct Cancellation(int FreedSeats, bool LeftWaitingList);

/// <summary>A booking's cancellations: the whole booking with its guests and companions, or one guest or companion.</summary>
internal static class BookingRules
{
    /// <summary>
    /// Cancels the booking and every invitation still valid at once (the beneficiary's, guests', companions'), until
    /// the session starts. A confirmed booking gives its seats back; a waiting one leaves the list.
    /// </summary>
    public static Cancellation Cancel(this Booking booking, DateTimeOffset now)
    {
        booking.EnsureCancellable(now);
        var cancellation = new Cancellation(booking.Status == BookingStatus.Confirmed ? booking.Party : 0, booking.Status == BookingStatus.Waitlisted);
        booking.CancelWithSession(now);
        return cancellation;
    }

    /// <summary>Cancels one guest's or companion's invitation; the beneficiary's goes only with the booking.</summary>
    public static Cancellation CancelInvitation(this Booking booking, Guid invitationId, DateTimeOffset now)
    {
        booking.EnsureCancellable(now);
        var invitation = booking.Invitations.SingleOrDefault(i => i.Id == invitationId) ?? throw NotFoundException.For("invitation", invitationId);
        if (invitation.Role == InvitationRole.Beneficiary)
        {
            throw new BusinessRuleException("booking.beneficiary_invitation", "The beneficiary's invitation goes with the booking: cancel the booking instead.");
        }
        if (invitation.Status != InvitationStatus.Valid)
        {
            throw new ConflictException("invitation.already_cancelled", "This invitation is already cancelled.");
        }
        invitation.Status = InvitationStatus.Cancelled;
        return new Cancellation(booking.Status == BookingStatus.Confirmed ? 1 : 0, false);
    }

    /// <summary>The booking falls with its cancelled session: it and its valid invitations are cancelled, no checks.</summary>
    public static void CancelWithSession(this Booking booking, DateTimeOffset now)
    {
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = now;
        foreach (var invitation in booking.Invitations.Where(i => i.Status == InvitationStatus.Valid))
        {
            invitation.Status = InvitationStatus.Cancelled;
        }
    }

    private static void EnsureCancellable(this Booking booking, DateTimeOffset now)
    {
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw new ConflictException("booking.already_cancelled", "This booking is already cancelled.");
        }
        if (booking.SessionStartsAt <= now)
        {
            throw new ConflictException("session.started", "Cancelling is possible until the session starts.");
        }
    }
}

/// <summary>
/// Culture pour tous art. 2: "éviter autant que possible d'aller au-delà de deux réservations par semaine et par
/// personne". A booking past that still succeeds; it carries an indicative warning (weeks run Monday to Sunday, by the
/// sessions' dates, in Paris).
/// </summary>
internal static class ReasonableUse
{
    public const int BookingsPerWeek = 2;

    /// <summary>The warning for a new booking when the person already has <paramref name="alreadyThisWeek"/> that week; null within the rule.</summary>
    public static string? WarningFor(int alreadyThisWeek, DateOnly monday) =>
        alreadyThisWeek < BookingsPerWeek
            ? null
            : $"Alerte indicative : c'est la {alreadyThisWeek + 1}e réservation de cette personne pour la semaine du {French.Date(monday)}. La convention invite à ne pas dépasser deux réservations par semaine et par personne.";
}

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
