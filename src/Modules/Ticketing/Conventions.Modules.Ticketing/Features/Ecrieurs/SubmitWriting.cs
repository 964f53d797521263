using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// A structure's staff submits a beneficiary's text about an outing (Les écrieurs, issue 19), with their consent,
/// signed at most with a first name or initials; it waits for the operator's moderation.
/// </summary>
internal sealed record SubmitWriting : ICommand<WritingDto>
{
    /// <summary>The outing: a confirmed booking of the structure whose session has started.</summary>
    public Guid? BookingId { get; init; }

    /// <example>Je n'étais jamais allée au théâtre. Les costumes, les rires de la salle : je reviendrai.</example>
    public string? Text { get; init; }

    /// <summary>Optional: a first name or initials, as the author agreed to be named (anonymous otherwise).</summary>
    /// <example>Samia</example>
    public string? AuthorName { get; init; }

    /// <summary>The author agreed to publication (required, true).</summary>
    /// <example>true</example>
    public bool? Consent { get; init; }
}

internal sealed class SubmitWritingValidator : AbstractValidator<SubmitWriting>
{
    public SubmitWritingValidator()
    {
        RuleFor(c => c.BookingId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Text).RequiredParagraphs(Writing.MaxLength)
            .Must(t => t is null || t.Trim().Length >= Writing.MinLength).WithMessage($"At least {Writing.MinLength} characters.")
            .Must(t => Writing.WhyNotPlainText(t) is null).WithMessage(c => Writing.WhyNotPlainText(c.Text) ?? string.Empty);
        RuleFor(c => c.AuthorName).Must(Writing.IsFirstNameOrInitials)
            .WithMessage("A first name or initials only (one or two words, 40 characters at most), or nothing to stay anonymous.");
        RuleFor(c => c.Consent).NotNull().WithMessage("Required: the author's consent to publication (true).");
    }
}

internal sealed class SubmitWritingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<SubmitWriting, WritingDto>
{
    public async ValueTask<WritingDto> Handle(SubmitWriting command, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, command.BookingId!.Value, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        var writing = Writing.Submit(booking, command.Text!, command.AuthorName, command.Consent!.Value, current.Actor.CredentialId, clock.GetUtcNow());
        db.Writings.Add(writing);
        return WritingMapping.ToDto(writing);
    }
}
