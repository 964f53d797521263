using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record ClosureBody
{
    /// <example>2026-12-24</example>
    public DateOnly? From { get; init; }

    /// <example>2027-01-02</example>
    public DateOnly? To { get; init; }

    /// <example>Fermeture de fin d'année</example>
    public string? Reason { get; init; }
}

internal sealed record ClosureResultDto(ClosureDto Closure, IReadOnlyList<OccurrenceDto> CancelledOccurrences);

internal sealed record AddClosure(Guid VenueId, ClosureBody Body) : ICommand<ClosureResultDto>;

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator()
    {
        RuleFor(c => c.Body.From).NotNull().WithMessage("Required.").Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("Must be a date between 2000 and 2100.");
        RuleFor(c => c.Body.To).NotNull().WithMessage("Required.")
            .Must((c, to) => to is null || c.Body.From is null || (to >= c.Body.From && to <= c.Body.From.Value.AddYears(1))).WithMessage("Must be on or after the start, within a year.");
        RuleFor(c => c.Body.Reason).RequiredText(300);
    }
}

/// <summary>Closes the venue; planned occurrences in the closure are cancelled and their people notified.</summary>
internal sealed class AddClosureHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, OccurrenceCancellation cancellation)
    : ICommandHandler<AddClosure, ClosureResultDto>
{
    public async ValueTask<ClosureResultDto> Handle(AddClosure command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var body = command.Body;
        var closure = new Closure { Id = Guid.NewGuid(), VenueId = venue.Id, From = body.From!.Value, To = body.To!.Value, Reason = body.Reason!.Trim() };
        db.Closures.Add(closure);
        var now = clock.GetUtcNow();
        var affected = await db.Occurrences.Include(o => o.Appointments)
            .Where(o => o.VenueId == venue.Id && o.Status == OccurrenceStatus.Planned && o.Date >= closure.From && o.Date <= closure.To && o.StartsAt > now)
            .ToListAsync(cancellationToken);
        affected = affected.OrderBy(o => o.StartsAt).ToList();
        foreach (var occurrence in affected)
        {
            await cancellation.CancelAsync(db, venue, occurrence, $"Fermeture du lieu : {closure.Reason}", now, cancellationToken);
        }
        return new ClosureResultDto(new ClosureDto(closure.Id, closure.From, closure.To, closure.Reason), affected.Select(SchedulingMapping.ToDto).ToList());
    }
}
