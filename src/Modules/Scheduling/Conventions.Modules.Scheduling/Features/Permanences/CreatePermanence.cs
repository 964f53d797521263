using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A weekly slot over a semester under an active premises convention.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record CreatePermanence : ICommand<PermanenceDto>
{
    public Guid? ConventionId { get; init; }

    public Guid? RoomId { get; init; }

    /// <summary>S1 = January to June, S2 = July to December.</summary>
    /// <example>2027-S1</example>
    public string? Semester { get; init; }

    /// <example>tuesday</example>
    public DayOfWeek? DayOfWeek { get; init; }

    /// <example>09:00</example>
    public string? StartTime { get; init; }

    /// <example>12:00</example>
    public string? EndTime { get; init; }

    /// <example>retirement</example>
    public Activity? Activity { get; init; }

    /// <example>Présidente de l'association</example>
    public string? Intervenant { get; init; }

    /// <summary>How many appointments an occurrence takes.</summary>
    /// <example>6</example>
    public int? Capacity { get; init; }
}

internal sealed record SkippedDateDto(DateOnly Date, string Reason);

internal sealed record PermanenceDto(
    Guid Id, Guid ConventionId, Guid VenueId, Guid RoomId, string Semester, DayOfWeek DayOfWeek, string StartTime, string EndTime,
    Activity Activity, string Intervenant, int Capacity, IReadOnlyList<OccurrenceDto> Occurrences, IReadOnlyList<SkippedDateDto> Skipped);

internal sealed class CreatePermanenceValidator : AbstractValidator<CreatePermanence>
{
    public CreatePermanenceValidator()
    {
        RuleFor(c => c.ConventionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.RoomId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Semester).Must(s => Semesters.TryParse(s, out _, out _)).WithMessage("Required, as 2026-S1 (January-June) or 2026-S2 (July-December).");
        RuleFor(c => c.DayOfWeek).NotNull().WithMessage("Required: monday to sunday.");
        RuleFor(c => c.StartTime).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.");
        RuleFor(c => c.EndTime).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.")
            .Must((c, end) => !SchedulingMapping.TryParseTime(c.StartTime, out var s) || !SchedulingMapping.TryParseTime(end, out var e) || e > s)
            .WithMessage("Must be after the start time.");
        RuleFor(c => c.Activity).NotNull().WithMessage("Required: retirement, residence-permit, digital-workshop or other.");
        RuleFor(c => c.Intervenant).RequiredText(200);
        RuleFor(c => c.Capacity).NotNull().WithMessage("Required.").InclusiveBetween(1, 500);
    }
}

internal sealed class CreatePermanenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CreatePermanence, PermanenceDto>
{
    public async ValueTask<PermanenceDto> Handle(CreatePermanence command, CancellationToken cancellationToken)
    {
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, command.ConventionId!.Value, cancellationToken);
        Semesters.TryParse(command.Semester, out var from, out var to);
        SchedulingMapping.TryParseTime(command.StartTime, out var start);
        SchedulingMapping.TryParseTime(command.EndTime, out var end);
        var now = clock.GetUtcNow();

        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == command.RoomId, cancellationToken) ?? throw NotFoundException.For("room", command.RoomId!.Value);
        var venue = await SchedulingAccess.VenueAsync(db, room.VenueId, cancellationToken);
        if (venue.OperatorOrganizationId != convention.OperatorOrganizationId)
        {
            throw new BusinessRuleException("room.other_operator", "This room belongs to a venue of another operator than the convention's.");
        }
        if (command.Capacity > room.Capacity)
        {
            throw new BusinessRuleException("permanence.capacity_exceeds_room", $"The room takes {room.Capacity} people.");
        }
        PermanenceRules.EnsureWithinOpeningHours(venue, command.DayOfWeek!.Value, start, end);
        var (dates, skipped) = Semesters.Expand(from, to, command.DayOfWeek!.Value, venue);
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
        var slots = dates.Select(d => (ParisTime.At(d, start), ParisTime.At(d, end))).ToList();
        var conflicts = await SchedulingAccess.ConflictsAsync(db, room.Id, slots, cancellationToken);
        if (conflicts.Count > 0)
        {
            throw SchedulingAccess.RoomConflict(conflicts);
        }
        var permanence = new Permanence
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            VenueId = venue.Id,
            RoomId = room.Id,
            Semester = command.Semester!.ToUpperInvariant(),
            DayOfWeek = command.DayOfWeek.Value,
            StartTime = start,
            EndTime = end,
            Activity = command.Activity!.Value,
            Intervenant = command.Intervenant!.Trim(),
            Capacity = command.Capacity!.Value,
            CreatedAt = now,
        };
        db.Permanences.Add(permanence);
        var occurrences = dates.Select(d => new Occurrence
        {
            Id = Guid.NewGuid(),
            Kind = OccurrenceKind.Permanence,
            PermanenceId = permanence.Id,
            VenueId = venue.Id,
            RoomId = room.Id,
            ConventionId = convention.Id,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            Date = d,
            StartsAt = ParisTime.At(d, start),
            EndsAt = ParisTime.At(d, end),
            Title = $"Permanence {Titles.Of(permanence.Activity)} – {permanence.Intervenant}",
            Activity = permanence.Activity,
            Intervenant = permanence.Intervenant,
            Capacity = permanence.Capacity,
            Status = OccurrenceStatus.Planned,
        }).ToList();
        db.Occurrences.AddRange(occurrences);
        return new PermanenceDto(
            permanence.Id, permanence.ConventionId, permanence.VenueId, permanence.RoomId, permanence.Semester, permanence.DayOfWeek,
            SchedulingMapping.Time(start), SchedulingMapping.Time(end), permanence.Activity, permanence.Intervenant, permanence.Capacity,
            occurrences.Select(SchedulingMapping.ToDto).ToList(),
            skipped.Select(s => new SkippedDateDto(s.Date, s.Reason)).ToList());
    }
}

internal static class Titles
{
    public static string Of(Activity activity) => activity switch
    {
        Activity.Retirement => "retraite",
        Activity.ResidencePermit => "titres de séjour",
        Activity.DigitalWorkshop => "atelier numérique",
        _ => "accompagnement",
    };
}
