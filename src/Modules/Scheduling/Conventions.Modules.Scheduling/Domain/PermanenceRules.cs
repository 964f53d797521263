using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;

namespace Conventions.Modules.Scheduling.Domain;

/// <summary>
/// When a permanence may be held (issue 18; La Ruche, article 2: slots "définis par les Parties"): within the venue's
/// opening hours of that weekday, within the convention's current period (or the next one once the follow-up committee
/// decided to renew), and not while a dispute puts the convention's end in question.
/// </summary>
internal static class PermanenceRules
{
    public static void EnsureWithinOpeningHours(Venue venue, DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (venue.OutsideOpeningHours(day, start, end) is { } why)
        {
            throw new BusinessRuleException("permanence.outside_opening_hours", why);
        }
    }

    public static void EnsureWithinPeriod(IReadOnlyList<DateOnly> dates, ConventionSummary convention)
    {
        var first = convention.CurrentPeriodStartsOn;
        var last = convention.RenewedPeriodEndsOn ?? convention.CurrentPeriodEndsOn;
        var outside = dates.Where(d => d < first || d > last).OrderBy(d => d).ToList();
        if (outside.Count == 0)
        {
            return;
        }
        var next = convention.RenewedPeriodEndsOn is null && outside[0] > last
            ? " The next period opens to permanences once the follow-up committee has decided the renewal."
            : string.Empty;
        throw new BusinessRuleException("permanence.outside_period",
            $"{outside.Count} of its dates (from {outside[0]:yyyy-MM-dd}) fall outside the convention's period {first:yyyy-MM-dd} – {last:yyyy-MM-dd}.{next}");
    }

    public static void EnsureNoDispute(OpenDisputeSummary? dispute)
    {
        if (dispute is not null)
        {
            throw new ConflictException("permanence.dispute_open",
                $"A dispute notified on {dispute.NotifiedOn:yyyy-MM-dd} puts the convention's end in question: no new permanence until it is settled.");
        }
    }
}
