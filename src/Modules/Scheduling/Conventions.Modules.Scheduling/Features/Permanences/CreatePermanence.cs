using Conventions.BuildingBlocks.Mediation;
using Conventions.Modules.Scheduling.Contracts;
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

/// <param name="Status">proposed (a partner's, awaiting the operator), approved (expanded into occurrences) or refused.</param>
internal sealed record PermanenceDto(
    Guid Id, Guid ConventionId, Guid VenueId, Guid RoomId, string Semester, DayOfWeek DayOfWeek, string StartTime, string EndTime,
    Activity Activity, string Intervenant, int Capacity, IReadOnlyList<OccurrenceDto> Occurrences, IReadOnlyList<SkippedDateDto> Skipped,
    PermanenceStatus Status, string? RefusalReason);

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

/// <summary>
/// Declares a permanence. The venue's operator (or the platform) declares an agreed one, expanded at once; a partner
/// proposes one, which the operator then approves (expanded then) or refuses (issue 18: slots "définis par les Parties").
/// Either way the slot must be possible now: opening hours, period, no open dispute, no room conflict.
/// </summary>
internal sealed class CreatePermanenceHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, PermanenceNotices notices)
    : ICommandHandler<CreatePermanence, PermanenceDto>
{
    public async ValueTask<PermanenceDto> Handle(CreatePermanence command, CancellationToken cancellationToken)
    {
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, command.ConventionId!.Value, cancellationToken);
        SchedulingMapping.TryParseTime(command.StartTime, out var start);
        SchedulingMapping.TryParseTime(command.EndTime, out var end);
        var now = clock.GetUtcNow();
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == command.RoomId, cancellationToken) ?? throw NotFoundException.For("room", command.RoomId!.Value);
        var venue = await SchedulingAccess.VenueAsync(db, room.VenueId, cancellationToken);
        var permanence = new Permanence
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            VenueId = venue.Id,
            RoomId = room.Id,
            Semester = command.Semester!.ToUpperInvariant(),
            DayOfWeek = command.DayOfWeek!.Value,
            StartTime = start,
            EndTime = end,
            Activity = command.Activity!.Value,
            Intervenant = command.Intervenant!.Trim(),
            Capacity = command.Capacity!.Value,
            CreatedAt = now,
        };
        var plan = await PermanencePlanner.PlanAsync(db, mediator, convention, venue, room, permanence, cancellationToken);
        db.Permanences.Add(permanence);
        if (!SchedulingAccess.IsVenueOperator(current.Actor, venue))
        {
            permanence.Status = PermanenceStatus.Proposed;
            await notices.PublishAsync(db, venue, permanence, PermanenceChange.Proposed, 0, now, cancellationToken);
            return PermanencePlanner.ToDto(permanence, [], plan.Skipped);
        }
        permanence.DecidedAt = now;
        var occurrences = PermanencePlanner.Occurrences(permanence, plan.Dates);
        db.Occurrences.AddRange(occurrences);
        await notices.PublishAsync(db, venue, permanence, PermanenceChange.Approved, occurrences.Count, now, cancellationToken);
        return PermanencePlanner.ToDto(permanence, occurrences, plan.Skipped);
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
