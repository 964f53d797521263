namespace Conventions.Modules.Ticketing.Domain;

/// <summary>A social partner's booking for one beneficiary, with guests and companions: all seats or none.</summary>
internal sealed class Booking : global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
{
    private Booking()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid BeneficiaryId { get; private set; }

    public Guid? BookedByCredentialId { get; private set; }

    public BookingStatus Status { get; private set; }

    /// <summary>The session's start, kept to apply the weekly reasonable-use rule by the sessions' dates.</summary>
    public DateTimeOffset SessionStartsAt { get; private set; }

    /// <summary>Monday of the session's week (Europe/Paris).</summary>
    public DateOnly SessionWeek { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it, or a row it owns, last changed (stamped as changes are saved; seat counts excluded).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Orders the waiting list (creation order, with a sequence to break ties).</summary>
    public long WaitlistSequence { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? AttendanceComment { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public List<Invitation> Invitations { get; private set; } = [];

    /// <summary>The people's names, a companion's reason and the attendance comment erased; statuses and seats stay.</summary>
    public void AnonymisePeople()
    {
        foreach (var invitation in Invitations)
        {
            invitation.Anonymise();
        }
        AttendanceComment = null;
    }

    /// <summary>An outing still to come: confirmed or waiting, for a session that has not started.</summary>
    public bool IsUpcoming(DateTimeOffset now) => Status is BookingStatus.Confirmed or BookingStatus.Waitlisted && SessionStartsAt > now;

    /// <summary>Seats the booking holds (its invitations not cancelled).</summary>
    public int Party => Invitations.Count(i => i.Status != InvitationStatus.Cancelled);

    /// <summary>
    /// A booking as requested, one invitation per person (the beneficiary's first), not yet written: the seat store
    /// confirms it (<see cref="Confirm"/>) or places it on the waiting list (<see cref="Wait"/>).
    /// </summary>
    public static Booking Request(BookedSession session, Guid organizationId, Guid beneficiaryId, Guid? credentialId, IEnumerable<InvitationRequest> people, DateTimeOffset now)
    {
        // Time-ordered identifiers (UUID v7): new rows land at the end of their indexes instead of on a random page
        // each, so a group commit writes a few pages rather than several per booking.
        var id = Guid.CreateVersion7(now);
        return new Booking
        {
            Id = id,
            SessionId = session.Id,
            OfferId = session.OfferId,
            OrganizationId = organizationId,
            BeneficiaryId = beneficiaryId,
            BookedByCredentialId = credentialId,
            SessionStartsAt = session.StartsAt,
            SessionWeek = WeekOf(session.StartsAt),
            CreatedAt = now,
            UpdatedAt = now,
            Status = BookingStatus.Waitlisted,
            Invitations = people.Select(p => Invitation.For(id, p, now)).ToList(),
        };
    }

    /// <summary>Monday of the instant's week in Paris (weeks run Monday to Sunday).</summary>
    public static DateOnly WeekOf(DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }

    /// <summary>Its seats were taken when it was written.</summary>
    public void Confirm()
    {
        Status = BookingStatus.Confirmed;
        ConfirmedAt = CreatedAt;
        WaitlistSequence = 0;
    }

    /// <summary>No seats were left: it waits, ordered by <paramref name="sequence"/>.</summary>
    public void Wait(long sequence)
    {
        Status = BookingStatus.Waitlisted;
        ConfirmedAt = null;
        WaitlistSequence = sequence;
    }

    /// <summary>Seats freed for it on the waiting list were taken: confirmed now.</summary>
    public void Promote(DateTimeOffset now)
    {
        if (Status != BookingStatus.Waitlisted)
        {
            throw new InvalidOperationException($"Only a waiting booking is promoted; this one is {Status}.");
        }
        Status = BookingStatus.Confirmed;
        ConfirmedAt = now;
    }

    /// <summary>The session moved: the booking keeps its date and its week for the reasonable-use rule.</summary>
    public void FollowSession(DateTimeOffset startsAt)
    {
        SessionStartsAt = startsAt;
        SessionWeek = WeekOf(startsAt);
    }

    /// <summary>
    /// Cancels the booking and every invitation still valid at once (the beneficiary's, guests', companions'), until
    /// the session starts. A confirmed booking gives its seats back; a waiting one leaves the list.
    /// </summary>
    public Cancellation Cancel(DateTimeOffset now)
    {
        EnsureCancellable(now);
        var cancellation = new Cancellation(Status == BookingStatus.Confirmed ? Party : 0, Status == BookingStatus.Waitlisted);
        CancelWithSession(now);
        return cancellation;
    }

    /// <summary>Cancels one guest's or companion's invitation; the beneficiary's goes only with the booking.</summary>
    public Cancellation CancelInvitation(Guid invitationId, DateTimeOffset now)
    {
        EnsureCancellable(now);
        var invitation = Invitations.SingleOrDefault(i => i.Id == invitationId) ?? throw NotFoundException.For("invitation", invitationId);
        if (invitation.Role == InvitationRole.Beneficiary)
        {
            throw new BusinessRuleException("booking.beneficiary_invitation", "The beneficiary's invitation goes with the booking: cancel the booking instead.");
        }
        if (invitation.Status != InvitationStatus.Valid)
        {
            throw new ConflictException("invitation.already_cancelled", "This invitation is already cancelled.");
        }
        invitation.Cancel();
        return new Cancellation(Status == BookingStatus.Confirmed ? 1 : 0, false);
    }

    /// <summary>The booking falls with its cancelled session: it and its valid invitations are cancelled, no checks.</summary>
    public void CancelWithSession(DateTimeOffset now)
    {
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        foreach (var invitation in Invitations.Where(i => i.Status == InvitationStatus.Valid))
        {
            invitation.Cancel();
        }
    }

    /// <summary>
    /// Who came and who did not, after the session, for a confirmed booking; a cancelled invitation has no attendance.
    /// The comment, when given, replaces the previous one.
    /// </summary>
    public void RecordAttendance(IEnumerable<(Guid InvitationId, bool Attended)> entries, string? comment, DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed)
        {
            throw new ConflictException("booking.not_confirmed", "Attendance is recorded for confirmed bookings.");
        }
        if (SessionStartsAt > now)
        {
            throw new ConflictException("session.not_started", "Attendance is recorded after the session.");
        }
        foreach (var (invitationId, attended) in entries)
        {
            var invitation = Invitations.SingleOrDefault(i => i.Id == invitationId)
                ?? throw InvalidInputException.Field("invitations", $"Invitation '{invitationId}' is not part of this booking.");
            if (invitation.Status == InvitationStatus.Cancelled)
            {
                throw new ConflictException("invitation.cancelled", $"Invitation '{invitation.Id}' was cancelled.");
            }
            invitation.Attend(attended);
        }
        AttendanceComment = string.IsNullOrWhiteSpace(comment) ? AttendanceComment : comment.Trim();
        AttendanceRecordedAt = now;
    }

    /// <summary>
    /// Checks one of this booking's invitations in at the door (issue 19): the seat's attendance is filled in as "came".
    /// Idempotent: a second check-in changes nothing and says so (false). A cancelled invitation or booking, or one still
    /// waiting for seats, is not let in.
    /// </summary>
    public bool CheckIn(Guid invitationId, DateTimeOffset now)
    {
        var invitation = Invitations.Single(i => i.Id == invitationId);
        if (Status == BookingStatus.Cancelled || invitation.Status == InvitationStatus.Cancelled)
        {
            throw new ConflictException("check_in.cancelled", "This invitation was cancelled: it does not admit anyone.");
        }
        if (Status == BookingStatus.Waitlisted)
        {
            throw new ConflictException("check_in.waitlisted", "This booking is still on the waiting list: it has no seat.");
        }
        if (invitation.CheckedInAt is not null)
        {
            return false;
        }
        invitation.CheckIn(now);
        AttendanceRecordedAt = now;
        return true;
    }

    private void EnsureCancellable(DateTimeOffset now)
    {
        if (Status == BookingStatus.Cancelled)
        {
            throw new ConflictException("booking.already_cancelled", "This booking is already cancelled.");
        }
        if (SessionStartsAt <= now)
        {
            throw new ConflictException("session.started", "Cancelling is possible until the session starts.");
        }
    }
}

/// <summary>The session a booking is for, as the booking keeps it.</summary>
internal readonly record struct BookedSession(Guid Id, Guid OfferId, DateTimeOffset StartsAt)
{
    public static BookedSession Of(BookableSession session) => new(session.Id, session.OfferId, session.StartsAt);
}

/// <summary>What cancelling did: the seats it gave back to the session, and whether the booking left the waiting list.</summary>
internal readonly record struct Cancellation(int FreedSeats, bool LeftWaitingList);
