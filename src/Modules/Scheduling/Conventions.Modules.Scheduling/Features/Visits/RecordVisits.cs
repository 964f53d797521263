using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record VisitBody
{
    /// <example>2026-11-23</example>
    public DateOnly? On { get; init; }

    /// <example>walk-in</example>
    public VisitCategory? Category { get; init; }

    /// <example>14</example>
    public int? Count { get; init; }
}

internal sealed record VisitDto(Guid VenueId, DateOnly On, VisitCategory Category, int Count);

[Transactional(IsolationLevel.Serializable)]
internal sealed record RecordVisits(Guid VenueId, VisitBody Body) : ICommand<VisitDto>;

internal sealed class RecordVisitsValidator : AbstractValidator<RecordVisits>
{
    public RecordVisitsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.On).NotNull().WithMessage("Required.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d <= BuildingBlocks.Time.ParisTime.Today(clock))).WithMessage("Must be a past or present date from 2000 on.");
        RuleFor(c => c.Body.Category).NotNull().WithMessage("Required: walk-in, appointment, autonomous-access, partner, digital-adviser or other.");
        RuleFor(c => c.Body.Count).NotNull().WithMessage("Required.").InclusiveBetween(1, 100_000);
    }
}

/// <summary>Adds visitors to a day's count in a category.</summary>
internal sealed class RecordVisitsHandler(SchedulingDbContext db, ICurrentActor current) : ICommandHandler<RecordVisits, VisitDto>
{
    public async ValueTask<VisitDto> Handle(RecordVisits command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var body = command.Body;
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.VenueId == venue.Id && v.On == body.On && v.Category == body.Category, cancellationToken);
        if (visit is null)
        {
            visit = new VisitCount { Id = Guid.NewGuid(), VenueId = venue.Id, On = body.On!.Value, Category = body.Category!.Value };
            db.Visits.Add(visit);
        }
        visit.Count += body.Count!.Value;
        return new VisitDto(venue.Id, visit.On, visit.Category, visit.Count);
    }
}
