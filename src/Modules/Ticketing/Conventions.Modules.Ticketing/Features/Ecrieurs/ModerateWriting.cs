using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record ModerationBody
{
    /// <example>Le texte cite le nom d'une autre personne.</example>
    public string? Reason { get; init; }
}

internal enum ModerationStep
{
    Publish,
    Reject,
    Withdraw,
}

/// <summary>The operator publishes a submitted text, rejects it with a reason, or withdraws a published one with a reason.</summary>
internal sealed record ModerateWriting(Guid WritingId, ModerationStep Step, ModerationBody Body) : ICommand<WritingDto>;

internal sealed class ModerateWritingValidator : AbstractValidator<ModerateWriting>
{
    public ModerateWritingValidator() =>
        RuleFor(c => c.Body.Reason).RequiredText(1000).When(c => c.Step != ModerationStep.Publish).OverridePropertyName("reason");
}

internal sealed class ModerateWritingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, TicketingNotices notices) : ICommandHandler<ModerateWriting, WritingDto>
{
    public async ValueTask<WritingDto> Handle(ModerateWriting command, CancellationToken cancellationToken)
    {
        WritingMapping.EnsureModerator(current.Actor);
        var writing = await db.Writings.SingleOrDefaultAsync(w => w.Id == command.WritingId, cancellationToken) ?? throw NotFoundException.For("writing", command.WritingId);
        var now = clock.GetUtcNow();
        switch (command.Step)
        {
            case ModerationStep.Publish:
                writing.Publish(now);
                break;
            case ModerationStep.Reject:
                writing.Reject(command.Body.Reason!.Trim(), now);
                break;
            default:
                writing.Withdraw(command.Body.Reason!.Trim(), now);
                break;
        }
        // The structure that submitted it is told, with the reason when it is not (or no longer) published.
        var title = await db.Offers.Where(o => o.Id == writing.OfferId).Select(o => o.Title).SingleAsync(cancellationToken);
        var (subject, message) = command.Step switch
        {
            ModerationStep.Publish => ("Les écrieurs : texte publié", $"Le texte déposé pour Les écrieurs sur la sortie « {title} » est publié. Merci à son auteur."),
            ModerationStep.Reject => ("Les écrieurs : texte non publié", $"Le texte déposé pour Les écrieurs sur la sortie « {title} » n'est pas publié. Motif : {writing.ModerationReason}"),
            _ => ("Les écrieurs : texte retiré", $"Le texte publié dans Les écrieurs sur la sortie « {title} » a été retiré. Motif : {writing.ModerationReason}"),
        };
        await notices.PublishToAsync(db, [writing.OrganizationId], $"ecrieurs-{JsonDefaults.Kebab(writing.Status)}", subject, message, now,
            $"writing:{writing.Id:N}:{JsonDefaults.Kebab(writing.Status)}", cancellationToken);
        return WritingMapping.ToDto(writing);
    }
}
