using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record AttendanceEntry
{
    public Guid? InvitationId { get; init; }

    /// <example>true</example>
    public bool? Attended { get; init; }
}

internal sealed record AttendanceBody
{
    public IReadOnlyList<AttendanceEntry>? Invitations { get; init; }

    /// <example>Très belle sortie ; l'Actionneur souhaite revenir.</example>
    public string? Comment { get; init; }
}

internal sealed record RecordAttendance(Guid BookingId, AttendanceBody Body) : ICommand<BookingDto>;

internal sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(c => c.Body.Invitations).NotEmpty().WithMessage("Required: who came and who did not.");
        RuleForEach(c => c.Body.Invitations).ChildRules(e =>
        {
            e.RuleFor(x => x.InvitationId).NotEmpty().WithMessage("Required.");
            e.RuleFor(x => x.Attended).NotNull().WithMessage("Required: true or false.");
        });
        RuleFor(c => c.Body.Comment).MaximumLength(2000).Must(c => c is null || !Rules.HasControlCharacters(c, allowNewLines: true)).WithMessage("Must not contain control characters.");
    }
}

internal sealed class RecordAttendanceHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RecordAttendance, BookingDto>
{
    public async ValueTask<BookingDto> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, command.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        booking.RecordAttendance(command.Body.Invitations!.Select(e => (e.InvitationId!.Value, e.Attended!.Value)), command.Body.Comment, clock.GetUtcNow());
        return TicketingMapping.ToDto(booking);
    }
}
