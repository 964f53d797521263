using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record CheckInBody
{
    /// <summary>The counter-mark's code, as typed or scanned from its QR code (case, spaces and the dash do not matter).</summary>
    /// <example>K7QM-4TRX</example>
    public string? Code { get; init; }
}

/// <summary>
/// What the door needs and nothing more: the holder's name (to compare with an ID), the seat's role, whether this code was
/// already checked in and when. No beneficiary id, no structure, no contact.
/// </summary>
internal sealed record CheckInDto(Guid SessionId, string Code, string HolderName, InvitationRole Role, bool AlreadyCheckedIn, DateTimeOffset CheckedInAt);

/// <summary>The session's publisher checks a counter-mark in at the door (issue 19); the seat's attendance is filled in.</summary>
internal sealed record CheckIn(Guid SessionId, CheckInBody Body) : ICommand<CheckInDto>;

internal sealed class CheckInValidator : AbstractValidator<CheckIn>
{
    public CheckInValidator() =>
        RuleFor(c => c.Body.Code).Must(c => Invitation.NormalizeCode(c) is not null)
            .WithMessage("Required: the counter-mark's code, 8 letters and digits (XXXX-XXXX).").OverridePropertyName("code");
}

internal sealed class CheckInHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<CheckIn, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(CheckIn command, CancellationToken cancellationToken)
    {
        var (_, session) = await CheckIns.PublishedSessionAsync(db, current.Actor, command.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        session.EnsureCheckInOpen(now);
        var code = Invitation.NormalizeCode(command.Body.Code)!;
        var invitation = await db.Invitations.AsNoTracking().Where(i => i.Code == code).Select(i => new { i.Id, i.BookingId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("check_in.unknown_code", $"No counter-mark has the code {code}.");
        var booking = await TicketingAccess.BookingAsync(db, invitation.BookingId, cancellationToken);
        if (booking.SessionId != session.Id)
        {
            throw new ConflictException("check_in.other_session", $"The code {code} is for another session.");
        }
        var checkedIn = booking.CheckIn(invitation.Id, now);
        var seat = booking.Invitations.Single(i => i.Id == invitation.Id);
        return new CheckInDto(session.Id, seat.Code, seat.HolderName, seat.Role, !checkedIn, seat.CheckedInAt!.Value);
    }
}
