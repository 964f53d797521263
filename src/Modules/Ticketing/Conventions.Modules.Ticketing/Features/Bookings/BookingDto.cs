namespace Conventions.Modules.Ticketing.Features;

internal sealed record InvitationDto(Guid Id, string HolderName, InvitationRole Role, GuestRelation? Relation, CompanionKind? CompanionKind, string? Reason, string Code, InvitationStatus Status);

internal sealed record WarningDto(string Code, string Message);

internal sealed record BookingDto(
    Guid Id, Guid SessionId, Guid OfferId, Guid BeneficiaryId, BookingStatus Status, int? WaitlistPosition, DateTimeOffset SessionStartsAt,
    IReadOnlyList<InvitationDto> Invitations, IReadOnlyList<WarningDto> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, string? AttendanceComment,
    DateTimeOffset UpdatedAt);

internal static class TicketingMapping
{
    public static InvitationDto ToDto(Invitation i) => new(i.Id, i.HolderName, i.Role, i.Relation, i.CompanionKind, i.Reason, i.Code, i.Status);

    public static BookingDto ToDto(Booking b, int? waitlistPosition = null, IReadOnlyList<WarningDto>? warnings = null) => new(
        b.Id, b.SessionId, b.OfferId, b.BeneficiaryId, b.Status, b.Status == BookingStatus.Waitlisted ? waitlistPosition : null,
        ParisTime.ToParis(b.SessionStartsAt),
        b.Invitations.OrderBy(i => i.Role).ThenBy(i => i.HolderName, StringComparer.Ordinal).Select(ToDto).ToList(),
        warnings ?? [], b.CreatedAt, b.ConfirmedAt, b.CancelledAt, b.AttendanceComment, b.UpdatedAt);
}
