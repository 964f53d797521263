using System.Net;
using Conventions.Testing;

namespace Webhooks.Tests;

/// <summary>La Ruche's permanences: an appointment taken and an occurrence cancelled reach both parties of the convention.</summary>
public sealed class WebhookPremisesTests : IAsyncLifetime
{
    private readonly WebhookFactory _factory = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _factory.DisposeAsync();
    }

    /// <summary>A signed premises convention renewed by its committee, a venue and its office.</summary>
    private async Task<(ConventionScenario Scenario, string ConventionId, string Office)> PremisesAsync()
    {
        var scenario = await ConventionScenario.RucheAsync(_factory);
        var conventionId = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(conventionId, place: "Bagnols-sur-Cèze");
        await scenario.DecideRenewalAsync(conventionId);
        var venue = (await scenario.Operator.PostJsonAsync("/api/v1/venues", new
        {
            name = "La Ruche Numérique", operatorOrganizationId = scenario.OperatorId,
            address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var office = (await scenario.Operator.PostJsonAsync($"/api/v1/venues/{venue}/rooms", new { name = "Bureau", kind = "office", capacity = 3, hasInternet = true })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        return (scenario, conventionId, office);
    }

    [Fact]
    public async Task An_appointment_and_a_cancelled_occurrence_reach_the_operator_and_the_partner()
    {
        var (scenario, conventionId, office) = await PremisesAsync();
        var permanence = await scenario.Partner.PostJsonAsync("/api/v1/permanences", new
        {
            conventionId, roomId = office, semester = "2027-S1", dayOfWeek = "thursday", startTime = "14:00", endTime = "17:00",
            activity = "residence-permit", intervenant = "Conseiller numérique", capacity = 2,
        }).ExpectAsync(HttpStatusCode.Created);
        // The partner proposes it; the operator approves it, which expands it into occurrences (issue 18).
        permanence = await scenario.Operator.PostAsync($"/api/v1/permanences/{permanence.Str("id")}/approval", null).ExpectAsync(HttpStatusCode.OK);
        var occurrences = permanence.GetProperty("occurrences").EnumerateArray().Select(o => o.Str("id")).ToList();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        string[] types = ["appointment.created", "permanence.occurrence-cancelled"];
        var partnerSecret = (await scenario.Partner.PostJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = types }).ExpectAsync(HttpStatusCode.Created)).Str("secret");
        var operatorSecret = (await scenario.Operator.PostJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = types }).ExpectAsync(HttpStatusCode.Created)).Str("secret");

        await scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrences[0]}/appointments",
            new { personName = "Lina Haddad", topic = "Titre de séjour", referredByVenue = true, email = "lina@example.org" }).ExpectAsync(HttpStatusCode.Created);
        await scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrences[1]}/cancel", new { reason = "Conseiller absent" }).ExpectAsync(HttpStatusCode.OK);
        await _factory.RunJobAsync("outbox");
        await _factory.RunJobAsync("webhooks");

        foreach (var secret in new[] { partnerSecret, operatorSecret })
        {
            var received = _receiver.Received.Where(r => WebhookReceiver.Verify(r, secret)).ToList();
            Assert.Equal(types, received.Select(r => r.Type).Order(StringComparer.Ordinal));
            Assert.Equal(occurrences[0], received.Single(r => r.Type == "appointment.created").Data.Str("occurrenceId"));
            Assert.Equal("Conseiller absent", received.Single(r => r.Type == "permanence.occurrence-cancelled").Data.Str("reason"));
            Assert.All(received, r => Assert.DoesNotContain("Lina", r.Body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_proposed_permanence_and_its_refusal_reach_both_parties_as_permanence_changed()
    {
        var (scenario, conventionId, office) = await PremisesAsync();
        string[] types = ["permanence.changed"];
        var partnerSecret = (await scenario.Partner.PostJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = types }).ExpectAsync(HttpStatusCode.Created)).Str("secret");
        var operatorSecret = (await scenario.Operator.PostJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, eventTypes = types }).ExpectAsync(HttpStatusCode.Created)).Str("secret");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var permanence = (await scenario.Partner.PostJsonAsync("/api/v1/permanences", new
        {
            conventionId, roomId = office, semester = "2027-S1", dayOfWeek = "thursday", startTime = "14:00", endTime = "17:00",
            activity = "residence-permit", intervenant = "Conseiller numérique", capacity = 2,
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        await scenario.Operator.PostJsonAsync($"/api/v1/permanences/{permanence}/refusal", new { reason = "Le bureau est pris le jeudi." }).ExpectAsync(HttpStatusCode.OK);
        await _factory.RunJobAsync("outbox");
        await _factory.RunJobAsync("webhooks");

        foreach (var secret in new[] { partnerSecret, operatorSecret })
        {
            var received = _receiver.Received.Where(r => WebhookReceiver.Verify(r, secret)).ToList();
            Assert.Equal(["proposed", "refused"], received.Select(r => r.Data.Str("change")).Order(StringComparer.Ordinal));
            Assert.All(received, r => Assert.Equal(permanence, r.Data.Str("permanenceId")));
            Assert.Equal("Le bureau est pris le jeudi.", received.Single(r => r.Data.Str("change") == "refused").Data.Str("reason"));
        }
    }
}
