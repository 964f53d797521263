using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using static Conventions.Tests.ConventionRulesTests;

namespace Conventions.Tests;

/// <summary>Culture pour tous' season turnover (issue 19): which conventions are carried into the next season, on the domain.</summary>
public sealed class SeasonRenewalRulesTests
{
    [Theory]
    [InlineData("2026-2027", true)]
    [InlineData("2026-2028", false)]
    [InlineData("2026/2027", false)]
    [InlineData("26-27", false)]
    public void A_season_runs_from_1_october_to_30_september(string season, bool valid)
    {
        Assert.Equal(valid, SeasonRenewal.TryParse(season, out var startsOn, out var endsOn));
        if (valid)
        {
            Assert.Equal((D(2026, 10, 1), D(2027, 9, 30)), (startsOn, endsOn));
        }
    }

    [Fact]
    public void The_season_turnover_carries_an_active_convention_and_skips_the_others_with_their_reason()
    {
        var active = Signed(Culture(D(2026, 10, 1), D(2027, 9, 30)), D(2026, 10, 1));
        active.ApplyDue(D(2026, 10, 1), Now);
        var awaiting = Culture(D(2026, 10, 1), D(2027, 9, 30));

        Assert.Null(SeasonRenewal.Choose(active, disputeOpen: false, nextExists: false));
        Assert.Equal(RenewalSkipReason.UnderDispute, SeasonRenewal.Choose(active, disputeOpen: true, nextExists: false));
        Assert.Equal(RenewalSkipReason.AlreadyDrafted, SeasonRenewal.Choose(active, disputeOpen: true, nextExists: true));
        Assert.Equal(RenewalSkipReason.NotActive, SeasonRenewal.Choose(awaiting, disputeOpen: false, nextExists: false));
        Assert.Same(active, SeasonRenewal.Current([awaiting, active]));
        Assert.Equal(new Dictionary<string, string> { ["season"] = "2027-2028", ["x"] = "y" },
            SeasonRenewal.NextVariables(new Dictionary<string, string> { ["season"] = "2026-2027", ["x"] = "y" }, D(2027, 10, 1)));
    }
}
