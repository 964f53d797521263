using Conventions.BuildingBlocks.LegalCalendar;

namespace Conventions.Modules.Disputes.Domain;

internal enum DeadlineName
{
    Explanation,
    TerminationWindow,
    Lapse,
}

/// <summary>A legal deadline of the dispute, stored with how it was computed.</summary>
internal sealed class DisputeDeadline
{
    public DeadlineName Name { get; set; }

    public DateOnly StartsFrom { get; set; }

    public string Period { get; set; } = string.Empty;

    public DateOnly NominalDueOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string Explanation { get; set; } = string.Empty;

    /// <summary>Three working days before the due date: a reminder goes to both parties.</summary>
    public DateOnly ReminderOn { get; set; }

    public bool ReminderSent { get; set; }

    /// <summary>The deadline fell due and its consequence was applied.</summary>
    public bool Passed { get; set; }

    /// <summary>The deadline on the calendar of the convention's place (Alsace-Moselle counts two more holidays).</summary>
    public static DisputeDeadline Compute(DeadlineName name, DateOnly from, LegalPeriod period, HolidayRegion region)
    {
        var deadline = LegalDeadlines.Compute(from, period, region);
        return new DisputeDeadline
        {
            Name = name,
            StartsFrom = from,
            Period = period.ToString(),
            NominalDueOn = deadline.NominalDueOn,
            DueOn = deadline.DueOn,
            Explanation = deadline.Explanation,
            ReminderOn = LegalDeadlines.WorkingDaysBefore(deadline.DueOn, 3, region),
        };
    }
}
