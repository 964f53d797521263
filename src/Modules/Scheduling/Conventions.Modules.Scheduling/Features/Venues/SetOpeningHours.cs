using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>A range of opening hours as sent: the weekday and the times.</summary>
internal sealed record OpeningHoursInput
{
    /// <example>tuesday</example>
    public DayOfWeek? DayOfWeek { get; init; }

    /// <example>09:00</example>
    public string? Opens { get; init; }

    /// <example>12:00</example>
    public string? Closes { get; init; }
}

internal sealed record OpeningHoursBody
{
    /// <summary>Every range of the week; a day absent is closed; an empty list lifts the restriction.</summary>
    public IReadOnlyList<OpeningHoursInput>? Hours { get; init; }
}

/// <summary>Replaces the venue's opening hours, which every new permanence must fit (issue 18): its operator only.</summary>
internal sealed record SetOpeningHours(Guid VenueId, OpeningHoursBody Body) : ICommand<VenueDto>;

internal sealed class SetOpeningHoursValidator : AbstractValidator<SetOpeningHours>
{
    public SetOpeningHoursValidator()
    {
        RuleFor(c => c.Body.Hours).NotNull().WithMessage("Required: the week's ranges (an empty list lifts the restriction).").OverridePropertyName("hours");
        RuleForEach(c => c.Body.Hours).ChildRules(h =>
        {
            h.RuleFor(x => x.DayOfWeek).NotNull().WithMessage("Required: monday to sunday.");
            h.RuleFor(x => x.Opens).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.");
            h.RuleFor(x => x.Closes).Must(t => SchedulingMapping.TryParseTime(t, out _)).WithMessage("Required, as HH:mm.")
                .Must((x, closes) => !SchedulingMapping.TryParseTime(x.Opens, out var o) || !SchedulingMapping.TryParseTime(closes, out var c) || c > o)
                .WithMessage("Must be after the opening time.");
        }).OverridePropertyName("hours");
        RuleFor(c => c.Body.Hours).Must(NotOverlap).When(c => c.Body.Hours is not null)
            .WithMessage("Two ranges of the same day overlap.").OverridePropertyName("hours");
    }

    private static bool NotOverlap(IReadOnlyList<OpeningHoursInput>? hours)
    {
        var ranges = (hours ?? []).Where(h => h.DayOfWeek is not null && SchedulingMapping.TryParseTime(h.Opens, out _) && SchedulingMapping.TryParseTime(h.Closes, out _))
            .Select(h => (Day: h.DayOfWeek!.Value, Opens: Parse(h.Opens), Closes: Parse(h.Closes))).ToList();
        // Two ranges of a day overlap when each starts before the other ends (a range listed twice overlaps itself).
        return !ranges.Select((a, i) => (a, i)).Any(x => ranges.Skip(x.i + 1).Any(b => x.a.Day == b.Day && x.a.Opens < b.Closes && b.Opens < x.a.Closes));
    }

    private static TimeOnly Parse(string? text)
    {
        SchedulingMapping.TryParseTime(text, out var time);
        return time;
    }
}

internal sealed class SetOpeningHoursHandler(SchedulingDbContext db, ICurrentActor current) : ICommandHandler<SetOpeningHours, VenueDto>
{
    public async ValueTask<VenueDto> Handle(SetOpeningHours command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        venue.OpeningHours.Clear();
        foreach (var range in command.Body.Hours!)
        {
            SchedulingMapping.TryParseTime(range.Opens, out var opens);
            SchedulingMapping.TryParseTime(range.Closes, out var closes);
            venue.OpeningHours.Add(new OpeningHours { DayOfWeek = range.DayOfWeek!.Value, Opens = opens, Closes = closes });
        }
        return VenueMapping.ToDto(venue);
    }
}
