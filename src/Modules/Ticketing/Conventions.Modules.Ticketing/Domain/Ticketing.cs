using System.Security.Cryptography;

namespace Conventions.Modules.Ticketing.Domain;

internal enum OfferCategory
{
    Show,
    GuidedTour,
    Conference,
    Workshop,
    Match,
    Training,
    Other,
}

internal enum SessionStatus
{
    Scheduled,
    Cancelled,
}

internal enum BookingStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

internal enum InvitationRole
{
    Beneficiary,
    Guest,
    Companion,
}

internal enum InvitationStatus
{
    Valid,
    Cancelled,
    Attended,
    NoShow,
}

internal enum GuestRelation
{
    Family,
    Friend,
}

internal enum CompanionKind
{
    Professional,
    Volunteer,
}

/// <summary>Free invitations a cultural partner deposits: a show, a visit, a match… with its sessions.</summary>
internal sealed class Offer
{
    public Guid Id { get; set; }

    public Guid PublisherOrganizationId { get; set; }

    public string Title { get; set; } = string.Empty;

    public OfferCategory Category { get; set; }

    public string VenueName { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public List<Session> Sessions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A dated session with its seats. <see cref="SeatsLeft"/> changes only through relative, conditional updates in the
/// database (never read-then-write), so seats are never oversold, on SQLite and SQL Server alike.
/// </summary>
internal sealed class Session
{
    public Guid Id { get; set; }

    public Guid OfferId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public int Seats { get; set; }

    public int SeatsLeft { get; set; }

    public DateTimeOffset? BookingOpensAt { get; set; }

    public DateTimeOffset? BookingClosesAt { get; set; }

    public SessionStatus Status { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>
    /// Bookings on the session's waiting list now. Kept by relative updates in the same transaction as every change of a
    /// booking to or from the list, so a booking that joins it learns its position without counting the list.
    /// </summary>
    public int Waiting { get; set; }

    /// <summary>The last waiting-list sequence given on this session (sequences are taken by a relative update).</summary>
    public long WaitlistSequence { get; set; }
}

/// <summary>A beneficiary (Actionneur) registered by a social partner, with minimal data, visible to that organization only.</summary>
internal sealed class Beneficiary
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string? ExternalRef { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A social partner's booking for one beneficiary, with guests and companions: all seats or none.</summary>
internal sealed class Booking
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid OfferId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid BeneficiaryId { get; set; }

    public Guid? BookedByCredentialId { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>The session's start, kept to apply the weekly reasonable-use rule by the sessions' dates.</summary>
    public DateTimeOffset SessionStartsAt { get; set; }

    /// <summary>Monday of the session's week (Europe/Paris).</summary>
    public DateOnly SessionWeek { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Orders the waiting list (creation order, with a sequence to break ties).</summary>
    public long WaitlistSequence { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? AttendanceComment { get; set; }

    public DateTimeOffset? AttendanceRecordedAt { get; set; }

    public List<Invitation> Invitations { get; set; } = [];

    /// <summary>Seats the booking holds (its invitations not cancelled).</summary>
    public int Party => Invitations.Count(i => i.Status != InvitationStatus.Cancelled);
}

/// <summary>A nominative invitation (contremarque): one seat, one holder, who never changes.</summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid BookingId { get; set; }

    public string HolderName { get; set; } = string.Empty;

    public InvitationRole Role { get; set; }

    public GuestRelation? Relation { get; set; }

    public CompanionKind? CompanionKind { get; set; }

    public string? Reason { get; set; }

    public string Code { get; set; } = string.Empty;

    public InvitationStatus Status { get; set; }

    public static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < 9; i++)
        {
            chars[i] = i == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(chars);
    }
}
