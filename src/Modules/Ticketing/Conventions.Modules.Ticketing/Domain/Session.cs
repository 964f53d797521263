namespace Conventions.Modules.Ticketing.Domain;

/// <summary>
/// A dated session with its seats. <see cref="SeatsLeft"/>, <see cref="Waiting"/> and <see cref="WaitlistSequence"/>
/// change only through relative, conditional updates in the database (Persistence/SessionSeats), never read and then
/// written, so seats are never oversold, on SQLite and SQL Server alike: the entity has no way to set them.
/// </summary>
internal sealed class Session
{
    private Session()
    {
    }

    public Guid Id { get; private set; }

    public Guid OfferId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public int Seats { get; private set; }

    public int SeatsLeft { get; private set; }

    public DateTimeOffset? BookingOpensAt { get; private set; }

    public DateTimeOffset? BookingClosesAt { get; private set; }

    public SessionStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>
    /// Bookings on the session's waiting list now. Kept by relative updates in the same transaction as every change of a
    /// booking to or from the list, so a booking that joins it learns its position without counting the list.
    /// </summary>
    public int Waiting { get; private set; }

    /// <summary>The last waiting-list sequence given on this session (sequences are taken by a relative update).</summary>
    public long WaitlistSequence { get; private set; }

    /// <summary>Seats taken by confirmed bookings.</summary>
    public int Booked => Seats - SeatsLeft;

    public static Session Plan(Guid offerId, SessionPlan plan) => new()
    {
        Id = Guid.NewGuid(),
        OfferId = offerId,
        StartsAt = plan.StartsAt.ToUniversalTime(),
        Seats = plan.Seats,
        SeatsLeft = plan.Seats,
        BookingOpensAt = plan.BookingOpensAt?.ToUniversalTime(),
        BookingClosesAt = plan.BookingClosesAt?.ToUniversalTime(),
        Status = SessionStatus.Scheduled,
    };

    /// <summary>A session is changed or cancelled only while it is scheduled and has not started.</summary>
    public void EnsureChangeable(DateTimeOffset now) => ForBooking.EnsureChangeable(now);

    /// <summary>Bookable: scheduled, not started, and inside its booking window when it has one.</summary>
    public void EnsureBookable(DateTimeOffset now) => ForBooking.EnsureBookable(now);

    /// <summary>What a booking needs of the session (its seats are decided by the store, never read).</summary>
    public BookableSession ForBooking => new(Id, OfferId, StartsAt, BookingOpensAt, BookingClosesAt, Status);

    /// <summary>
    /// Checks a new number of seats against the seats booked as read (the store applies it with the same condition, so
    /// a booking committed since cannot be squeezed out).
    /// </summary>
    public void EnsureResizable(int seats, DateTimeOffset now)
    {
        EnsureChangeable(now);
        if (seats < Booked)
        {
            throw SeatsBelowBooked(Booked);
        }
    }

    public static BusinessRuleException SeatsBelowBooked(int booked) => new("session.seats_below_booked", $"{booked} seats are already booked.");

    /// <summary>Moves the session; the bookings follow it (<see cref="Booking.FollowSession"/>).</summary>
    public void Reschedule(DateTimeOffset startsAt, DateTimeOffset now)
    {
        EnsureChangeable(now);
        StartsAt = startsAt.ToUniversalTime();
    }

    /// <summary>Cancels the session; its bookings are cancelled with it (<see cref="Booking.CancelWithSession"/>).</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureChangeable(now);
        Status = SessionStatus.Cancelled;
        CancellationReason = reason;
        Waiting = 0;
    }

    /// <summary>Check-in opens this long before the start, and closes at the end of the session's day (Europe/Paris).</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(3);

    /// <summary>The door is open: the session is not cancelled, and it is between 3 hours before the start and the end of its day in Paris.</summary>
    public void EnsureCheckInOpen(DateTimeOffset now)
    {
        if (Status == SessionStatus.Cancelled)
        {
            throw new ConflictException("session.cancelled", "This session was cancelled.");
        }
        var start = ParisTime.ToParis(StartsAt);
        var dayEnds = ParisTime.At(DateOnly.FromDateTime(start.DateTime).AddDays(1), TimeOnly.MinValue);
        if (now < StartsAt - CheckInOpensBefore || now >= dayEnds)
        {
            throw new ConflictException("check_in.outside_window",
                $"Check-in opens 3 hours before the session ({start:yyyy-MM-dd HH:mm}, Paris time) and closes at the end of that day.");
        }
    }
}

/// <summary>
/// A session as a booking sees it: its dates, window and status, without its seats (which only the store's conditional
/// updates decide). The booking writer reads it in its own transaction (ADR 0026); <see cref="Session"/> gives it too.
/// </summary>
internal readonly record struct BookableSession(Guid Id, Guid OfferId, DateTimeOffset StartsAt, DateTimeOffset? BookingOpensAt, DateTimeOffset? BookingClosesAt, SessionStatus Status)
{
    /// <summary>A session is changed or cancelled only while it is scheduled and has not started.</summary>
    public void EnsureChangeable(DateTimeOffset now)
    {
        if (Status == SessionStatus.Cancelled)
        {
            throw new ConflictException("session.cancelled", "This session is cancelled.");
        }
        if (StartsAt <= now)
        {
            throw new ConflictException("session.started", "This session has started.");
        }
    }

    /// <summary>Bookable: scheduled, not started, and inside its booking window when it has one.</summary>
    public void EnsureBookable(DateTimeOffset now)
    {
        EnsureChangeable(now);
        if (BookingOpensAt > now || BookingClosesAt <= now)
        {
            throw new ConflictException("session.booking_closed", "Bookings for this session are not open now.");
        }
    }
}
