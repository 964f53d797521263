using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A permanence's dates in its semester, and those skipped (public holidays, closures) with why.</summary>
internal sealed record PermanencePlan(IReadOnlyList<DateOnly> Dates, IReadOnlyList<(DateOnly Date, string Reason)> Skipped);

/// <summary>
/// What declaring and approving a permanence share: the checks that the slot is possible now (room, opening hours,
/// dates, period, no open dispute, the clock change, no room conflict) and its expansion into dated occurrences.
/// </summary>
internal static class PermanencePlanner
{
    public static async Task<PermanencePlan> PlanAsync(
        SchedulingDbContext db, IMediator mediator, ConventionSummary convention, Venue venue, Room room, Permanence permanence, CancellationToken cancellationToken)
    {
        if (venue.OperatorOrganizationId != convention.OperatorOrganizationId)
        {
            throw new BusinessRuleException("room.other_operator", "This room belongs to a venue of another operator than the convention's.");
        }
        if (permanence.Capacity > room.Capacity)
        {
            throw new BusinessRuleException("permanence.capacity_exceeds_room", $"The room takes {room.Capacity} people.");
        }
        var (start, end) = (permanence.StartTime, permanence.EndTime);
        PermanenceRules.EnsureWithinOpeningHours(venue, permanence.DayOfWeek, start, end);
        Semesters.TryParse(permanence.Semester, out var from, out var to);
        var (dates, skipped) = Semesters.Expand(from, to, permanence.DayOfWeek, venue);
        if (dates.Count == 0)
        {
            throw new BusinessRuleException("permanence.no_dates", "No date of this semester is open on that day.");
        }
        PermanenceRules.EnsureWithinPeriod(dates, convention);
        PermanenceRules.EnsureNoDispute(await mediator.Send(new global::Conventions.Modules.Disputes.Contracts.GetOpenDispute(convention.Id), cancellationToken));
        // A wall-clock time the spring DST change skips on one of the dates is refused, not silently moved.
        if (dates.FirstOrDefault(d => !ParisTime.Exists(d, start) || !ParisTime.Exists(d, end)) is var gap && gap != default)
        {
            throw InvalidInputException.Field("startTime", $"On {gap:yyyy-MM-dd} this time does not exist in Europe/Paris (the clocks go forward).");
        }
        var conflicts = await SchedulingAccess.ConflictsAsync(db, room.Id, dates.Select(d => (ParisTime.At(d, start), ParisTime.At(d, end))).ToList(), cancellationToken);
        if (conflicts.Count > 0)
        {
            throw SchedulingAccess.RoomConflict(conflicts);
        }
        return new PermanencePlan(dates, skipped);
    }

    public static List<Occurrence> Occurrences(Permanence permanence, IEnumerable<DateOnly> dates) => dates.Select(d => new Occurrence
    {
        Id = Guid.NewGuid(),
        Kind = OccurrenceKind.Permanence,
        PermanenceId = permanence.Id,
        VenueId = permanence.VenueId,
        RoomId = permanence.RoomId,
        ConventionId = permanence.ConventionId,
        PartnerOrganizationId = permanence.PartnerOrganizationId,
        Date = d,
        StartsAt = ParisTime.At(d, permanence.StartTime),
        EndsAt = ParisTime.At(d, permanence.EndTime),
        Title = $"Permanence {Titles.Of(permanence.Activity)} – {permanence.Intervenant}",
        Activity = permanence.Activity,
        Intervenant = permanence.Intervenant,
        Capacity = permanence.Capacity,
        Status = OccurrenceStatus.Planned,
    }).ToList();

    public static PermanenceDto ToDto(Permanence p, IEnumerable<Occurrence> occurrences, IEnumerable<(DateOnly Date, string Reason)> skipped) => new(
        p.Id, p.ConventionId, p.VenueId, p.RoomId, p.Semester, p.DayOfWeek, SchedulingMapping.Time(p.StartTime), SchedulingMapping.Time(p.EndTime),
        p.Activity, p.Intervenant, p.Capacity, occurrences.Select(SchedulingMapping.ToDto).ToList(),
        skipped.Select(s => new SkippedDateDto(s.Date, s.Reason)).ToList(), p.Status, p.RefusalReason);
}
