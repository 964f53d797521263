using System.Net;
using Conventions.Testing;

namespace Scheduling.Tests.Driver;

/// <summary>
/// A host with La Ruche Numérique in place: its premises convention signed by both parties, the venue with an office
/// (3 places) and a workshop room (12). Each test class gets its own host and database.
/// </summary>
public abstract class SchedulingTest : IAsyncLifetime
{
    protected ConventionsFactory Factory { get; } = new();

    protected ConventionScenario Scenario { get; private set; } = null!;

    protected SchedulingDriver Premises { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Scenario = await ConventionScenario.RucheAsync(Factory);
        var conventionId = (await Scenario.DraftRucheAsync()).Str("id");
        await Scenario.SignBothAsync(conventionId, place: "Bagnols-sur-Cèze");
        // The 2026 period's follow-up committee agreed to renew: the 2027 semesters are open to permanences (issue 18).
        await Scenario.DecideRenewalAsync(conventionId);
        var venue = await Scenario.Operator.PostJsonAsync("/api/v1/venues", new
        {
            name = "La Ruche Numérique",
            operatorOrganizationId = Scenario.OperatorId,
            address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" },
        }).ExpectAsync(HttpStatusCode.Created);
        var venueId = venue.Str("id");
        var office = (await Scenario.Operator.PostJsonAsync($"/api/v1/venues/{venueId}/rooms", new { name = "Bureau des permanences", kind = "office", capacity = 3, hasInternet = true })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        var room = (await Scenario.Operator.PostJsonAsync($"/api/v1/venues/{venueId}/rooms", new { name = "Salle d'ateliers", kind = "room", capacity = 12, hasInternet = true })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        Premises = new SchedulingDriver(Scenario, Guid.Parse(conventionId), Guid.Parse(venueId), Guid.Parse(office), Guid.Parse(room));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
