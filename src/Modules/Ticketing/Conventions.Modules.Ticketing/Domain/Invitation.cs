using System.Security.Cryptography;

namespace Conventions.Modules.Ticketing.Domain;

/// <summary>A nominative invitation (contremarque): one seat, one holder, who never changes.</summary>
internal sealed class Invitation
{
    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    public string HolderName { get; private set; } = string.Empty;

    public InvitationRole Role { get; private set; }

    public GuestRelation? Relation { get; private set; }

    public CompanionKind? CompanionKind { get; private set; }

    public string? Reason { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public InvitationStatus Status { get; private set; }

    /// <summary>When the holder was checked in at the door (issue 19); null otherwise.</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    internal static Invitation For(Guid bookingId, InvitationRequest person, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BookingId = bookingId,
        HolderName = person.HolderName.Trim(),
        Role = person.Role,
        Relation = person.Relation,
        CompanionKind = person.CompanionKind,
        Reason = person.Reason?.Trim(),
        Code = person.Code ?? NewCode(),
        Status = InvitationStatus.Valid,
    };

    internal void Cancel() => Status = InvitationStatus.Cancelled;

    /// <summary>The holder's name and a companion's reason erased; the seat, its role, code and status stay (they are counted).</summary>
    internal void Anonymise()
    {
        HolderName = Role switch
        {
            InvitationRole.Beneficiary => Beneficiary.AnonymousName,
            InvitationRole.Guest => "Invité anonymisé",
            _ => "Accompagnant anonymisé",
        };
        Reason = null;
    }

    internal void Attend(bool attended) => Status = attended ? InvitationStatus.Attended : InvitationStatus.NoShow;

    internal void CheckIn(DateTimeOffset now)
    {
        Status = InvitationStatus.Attended;
        CheckedInAt = now;
    }

    /// <summary>A code as a person types or a scanner reads it: case, spaces and a missing dash do not matter.</summary>
    public static string? NormalizeCode(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var letters = new string(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 ? $"{letters[..4]}-{letters[4..]}" : null;
    }

    /// <summary>Nine characters, <c>XXXX-XXXX</c>, from an alphabet without look-alikes (no 0/O, 1/I).</summary>
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

/// <summary>A person a booking asks an invitation for.</summary>
internal sealed record InvitationRequest(string HolderName, InvitationRole Role, GuestRelation? Relation = null, CompanionKind? CompanionKind = null, string? Reason = null)
{
    /// <summary>A code already issued elsewhere, to keep; null draws a new one.</summary>
    public string? Code { get; init; }
}
