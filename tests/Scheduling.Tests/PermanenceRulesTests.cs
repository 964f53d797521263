using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Scheduling.Domain;

namespace Scheduling.Tests;

/// <summary>When a permanence may be held (issue 18), on the domain.</summary>
public sealed class PermanenceRulesTests
{
    private static readonly TimeOnly Nine = new(9, 0), Noon = new(12, 0), HalfPastOne = new(13, 30), HalfPastFour = new(16, 30);

    private static ConventionSummary Convention(DateOnly? renewedTo = null) => new(
        Guid.NewGuid(), "ruche-numerique/premises", Guid.NewGuid(), Guid.NewGuid(), ConventionStatus.Active, DisputePolicy.LapseAfterOneMonth,
        RenewalPolicy.TacitYearly, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), renewedTo);

    [Fact]
    public void Without_opening_hours_any_slot_fits_with_them_only_a_slot_within_one_range_of_its_day()
    {
        var venue = new Venue();
        Assert.Null(venue.OutsideOpeningHours(DayOfWeek.Sunday, new TimeOnly(22, 0), new TimeOnly(23, 30)));

        venue.OpeningHours.Add(new OpeningHours { DayOfWeek = DayOfWeek.Thursday, Opens = Nine, Closes = Noon });
        venue.OpeningHours.Add(new OpeningHours { DayOfWeek = DayOfWeek.Thursday, Opens = HalfPastOne, Closes = HalfPastFour });

        Assert.Null(venue.OutsideOpeningHours(DayOfWeek.Thursday, HalfPastOne, HalfPastFour));
        Assert.Null(venue.OutsideOpeningHours(DayOfWeek.Thursday, new TimeOnly(10, 0), Noon));
        Assert.Contains("closed on Sundays", venue.OutsideOpeningHours(DayOfWeek.Sunday, new TimeOnly(22, 0), new TimeOnly(23, 30)), StringComparison.Ordinal);
        // Across the lunch break: neither range holds it.
        Assert.NotNull(venue.OutsideOpeningHours(DayOfWeek.Thursday, new TimeOnly(11, 0), new TimeOnly(14, 0)));
        Assert.Equal("permanence.outside_opening_hours",
            Assert.Throws<BusinessRuleException>(() => PermanenceRules.EnsureWithinOpeningHours(venue, DayOfWeek.Thursday, new TimeOnly(14, 0), new TimeOnly(17, 0))).Code);
    }

    [Fact]
    public void Dates_stay_within_the_current_period_or_the_renewed_one()
    {
        DateOnly[] nextYear = [new(2027, 1, 7), new(2027, 1, 14)];

        var refusal = Assert.Throws<BusinessRuleException>(() => PermanenceRules.EnsureWithinPeriod(nextYear, Convention()));
        Assert.Equal("permanence.outside_period", refusal.Code);
        Assert.Contains("once the follow-up committee has decided the renewal", refusal.Message, StringComparison.Ordinal);
        PermanenceRules.EnsureWithinPeriod(nextYear, Convention(renewedTo: new DateOnly(2027, 12, 31)));
        PermanenceRules.EnsureWithinPeriod([new(2026, 12, 3)], Convention());
        Assert.Throws<BusinessRuleException>(() => PermanenceRules.EnsureWithinPeriod([new(2025, 12, 30)], Convention()));
    }

    [Fact]
    public void An_open_dispute_stops_new_permanences()
    {
        PermanenceRules.EnsureNoDispute(null);
        Assert.Equal("permanence.dispute_open",
            Assert.Throws<ConflictException>(() => PermanenceRules.EnsureNoDispute(new OpenDisputeSummary(Guid.NewGuid(), DisputeStatus.AwaitingRemedy, new DateOnly(2026, 11, 23)))).Code);
    }
}
