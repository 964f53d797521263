namespace Conventions.Modules.Scheduling.Features;

internal sealed record CancelBody
{
    /// <example>Intervenante absente (maladie)</example>
    public string? Reason { get; init; }
}

internal sealed record CancelOccurrence(Guid OccurrenceId, CancelBody Body) : ICommand<OccurrenceDto>;

internal sealed class CancelOccurrenceValidator : AbstractValidator<CancelOccurrence>
{
    public CancelOccurrenceValidator() => RuleFor(c => c.Body.Reason).RequiredParagraphs(1000);
}

internal sealed class CancelOccurrenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, OccurrenceCancellation cancellation)
    : ICommandHandler<CancelOccurrence, OccurrenceDto>
{
    public async ValueTask<OccurrenceDto> Handle(CancelOccurrence command, CancellationToken cancellationToken)
    {
        var occurrence = await db.Occurrences.Include(o => o.Appointments).SingleOrDefaultAsync(o => o.Id == command.OccurrenceId, cancellationToken)
            ?? throw NotFoundException.For("occurrence", command.OccurrenceId);
        var venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, cancellationToken);
        SchedulingAccess.EnsureCanActOn(current.Actor, occurrence, venue);
        var now = clock.GetUtcNow();
        if (occurrence.Status == OccurrenceStatus.Cancelled)
        {
            throw new ConflictException("occurrence.already_cancelled", "This occurrence is already cancelled.");
        }
        if (occurrence.StartsAt <= now)
        {
            throw new ConflictException("occurrence.past", "This occurrence has started or is over.");
        }
        await cancellation.CancelAsync(db, venue, occurrence, command.Body.Reason!.Trim(), now, cancellationToken);
        return SchedulingMapping.ToDto(occurrence);
    }
}
