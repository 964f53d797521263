using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Venues;

/// <summary><c>POST /venues/{id}/closures</c>: the planned occurrences it covers are cancelled.</summary>
public sealed class AddClosureTests : SchedulingTest
{
    [Fact]
    public async Task A_closure_cancels_the_planned_occurrences_it_covers()
    {
        await Premises.DeclareAsync();

        var closure = await Premises.CloseAsync("2027-02-15", "2027-02-26", "Travaux");

        Assert.Equal(["2027-02-18", "2027-02-25"], closure.CancelledOccurrences.Select(o => o.Date));
    }
}
