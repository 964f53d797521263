using System.Net;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>Season events for the partners' staff through HTTP (issue 19): publication, registrations and waiting list, reminders, mediation proposals.</summary>
public sealed class SeasonEventTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Event(int capacity = 2, string startsAt = "2026-12-10T14:00:00+01:00", string[]? audience = null) => new
    {
        program = "culture-pour-tous", kind = "season-meeting", title = "Rendez-vous de saison", startsAt, place = "Maison des associations, Lyon", capacity,
        audience = audience ?? ["social-service"],
    };

    [Fact]
    public async Task Partners_register_named_people_past_the_capacity_they_wait_and_are_promoted_and_everyone_is_reminded_a_week_before()
    {
        var first = await ConventionScenario.CultureAsync(_factory, "Association Passerelles Solidaires");
        await first.DraftCultureAsync();
        var second = await first.AnotherPartnerAsync("Foyer Les Tilleuls");
        await second.DraftCultureAsync();

        await first.Partner.PostJsonAsync("/api/v1/season-events", Event()).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var e = await first.Operator.PostJsonAsync("/api/v1/season-events", Event()).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/season-events/{e.Str("id")}";

        var afterA = await first.Partner.PostJsonAsync($"{url}/registrations", new { personName = "Nadia B.", role = "Animatrice", email = "nadia@passerelles.example" }).ExpectAsync(HttpStatusCode.Created);
        await second.Partner.PostJsonAsync($"{url}/registrations", new { personName = "Paul R.", role = "Directeur" }).ExpectAsync(HttpStatusCode.Created);
        var waiting = await second.Partner.PostJsonAsync($"{url}/registrations", new { personName = "Lina S.", role = "Bénévole", email = "lina@tilleuls.example" }).ExpectAsync(HttpStatusCode.Created);
        var lina = waiting.GetProperty("registrations").EnumerateArray().Single(r => r.Str("personName") == "Lina S.");
        Assert.Equal(("waitlisted", 1), (lina.Str("status"), lina.GetProperty("waitlistPosition").GetInt32()));
        // Each partner sees its own people only; the operator sees everyone; counts are for all.
        Assert.Equal(["Nadia B."], afterA.GetProperty("registrations").EnumerateArray().Select(r => r.Str("personName")));
        var seen = await first.Partner.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((2, 1, 0), (seen.GetProperty("confirmed").GetInt32(), seen.GetProperty("waiting").GetInt32(), seen.GetProperty("seatsLeft").GetInt32()));
        Assert.Single(seen.GetProperty("registrations").EnumerateArray());
        Assert.Equal(3, (await first.Operator.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("registrations").GetArrayLength());

        // Nadia cannot come: Lina gets her seat, and Lina's structure and Lina are told.
        var nadia = afterA.GetProperty("registrations")[0].Str("id");
        await second.Partner.PostAsync($"{url}/registrations/{nadia}/cancel", null).ExpectProblemAsync(HttpStatusCode.Forbidden, "registration.forbidden");
        await first.Partner.PostAsync($"{url}/registrations/{nadia}/cancel", null).ExpectAsync(HttpStatusCode.OK);
        var now = await second.Partner.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.All(now.GetProperty("registrations").EnumerateArray(), r => Assert.Equal("confirmed", r.Str("status")));
        await _factory.RunJobAsync("outbox");
        var promoted = await second.Partner.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
        var letter = Assert.Single(promoted.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "season-event-promoted");
        Assert.Contains(letter.GetProperty("recipients").EnumerateArray(), r => r.Str("email") == "lina@tilleuls.example");

        // A week before: one reminder per structure with people registered, once.
        Assert.Equal(0, await _factory.RunJobAsync("season-event-reminders"));
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 3), new TimeOnly(7, 40));
        Assert.Equal(1, await _factory.RunJobAsync("season-event-reminders"));
        Assert.Equal(0, await _factory.RunJobAsync("season-event-reminders"));

        // After it started: attendance by the operator only; registrations closed.
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 10), new TimeOnly(15, 0));
        await second.Partner.PostJsonAsync($"{url}/registrations", new { personName = "Tard", role = "x" }).ExpectProblemAsync(HttpStatusCode.Conflict, "season_event.started");
        var ids = now.GetProperty("registrations").EnumerateArray().Select(r => r.Str("id")).ToList();
        await second.Partner.PostJsonAsync($"{url}/attendance", new { registrations = ids.Select(id => new { registrationId = id, attended = true }) })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var taken = await first.Operator.PostJsonAsync($"{url}/attendance", new { registrations = ids.Select(id => new { registrationId = id, attended = true }) }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, taken.GetProperty("registrations").EnumerateArray().Count(r => r.GetProperty("attended").ValueKind == System.Text.Json.JsonValueKind.True));
    }

    [Fact]
    public async Task A_partner_proposes_a_mediation_activity_that_the_operator_accepts_or_declines_and_the_audience_is_respected()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        await scenario.DraftCultureAsync();
        var proposal = new
        {
            program = "culture-pour-tous", kind = "mediation", title = "Atelier d'écriture après le spectacle", startsAt = "2027-01-15T18:00:00+01:00",
            place = "Théâtre du Confluent", capacity = 15, operatorOrganizationId = scenario.OperatorId,
        };
        var proposed = await scenario.Partner.PostJsonAsync("/api/v1/season-events/proposals", proposal).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("proposed", proposed.Str("status"));
        var url = $"/api/v1/season-events/{proposed.Str("id")}";
        await scenario.Partner.PostJsonAsync($"{url}/registrations", new { personName = "A", role = "x" }).ExpectProblemAsync(HttpStatusCode.Conflict, "season_event.not_scheduled");
        await scenario.Partner.PostAsync($"{url}/acceptance", null).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        Assert.Equal("scheduled", (await scenario.Operator.PostAsync($"{url}/acceptance", null).ExpectAsync(HttpStatusCode.OK)).Str("status"));
        await scenario.Operator.PostJsonAsync($"{url}/refusal", new { reason = "x" }).ExpectProblemAsync(HttpStatusCode.Conflict, "season_event.not_proposed");

        var declined = await scenario.Partner.PostJsonAsync("/api/v1/season-events/proposals", proposal with { title = "Autre atelier" }).ExpectAsync(HttpStatusCode.Created);
        var refused = await scenario.Operator.PostJsonAsync($"/api/v1/season-events/{declined.Str("id")}/refusal", new { reason = "Programme complet." }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("declined", "Programme complet."), (refused.Str("status"), refused.Str("declineReason")));
        await _factory.RunJobAsync("outbox");
        var toOperator = await scenario.Operator.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, toOperator.GetProperty("items").EnumerateArray().Count(n => n.Str("kind") == "mediation-proposed"));
        var toPartner = (await scenario.Partner.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(toPartner, n => n.Str("kind") == "mediation-accepted");
        var declinedLetter = toPartner.Single(n => n.Str("kind") == "mediation-declined");
        Assert.Contains("Motif : Programme complet.", (await scenario.Partner.GetAsync($"/api/v1/notices/{declinedLetter.Str("id")}").ExpectAsync(HttpStatusCode.OK)).Str("bodyHtml"), StringComparison.Ordinal);

        // An event for cultural institutions only is not for a social partner.
        var forCulture = await scenario.Operator.PostJsonAsync("/api/v1/season-events", Event(audience: ["cultural-institution"])).ExpectAsync(HttpStatusCode.Created);
        await scenario.Partner.PostJsonAsync($"/api/v1/season-events/{forCulture.Str("id")}/registrations", new { personName = "A", role = "x" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "season_event.not_in_audience");
        var list = await scenario.Partner.GetAsync("/api/v1/season-events").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Registered_people_are_anonymised_24_months_after_the_event_and_still_counted()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        await scenario.DraftCultureAsync();
        var e = await scenario.Operator.PostJsonAsync("/api/v1/season-events", Event(capacity: 5)).ExpectAsync(HttpStatusCode.Created);
        await scenario.Partner.PostJsonAsync($"/api/v1/season-events/{e.Str("id")}/registrations", new { personName = "Nadia B.", role = "Animatrice", email = "nadia@passerelles.example" })
            .ExpectAsync(HttpStatusCode.Created);

        _factory.Clock.SetParisDate(new DateOnly(2028, 12, 9));
        Assert.Equal(0, await _factory.RunJobAsync("retention-season-events"));
        _factory.Clock.SetParisDate(new DateOnly(2028, 12, 11));
        Assert.Equal(1, await _factory.RunJobAsync("retention-season-events"));
        Assert.Equal(0, await _factory.RunJobAsync("retention-season-events"));

        var read = await _factory.Admin().GetAsync($"/api/v1/season-events/{e.Str("id")}").ExpectAsync(HttpStatusCode.OK);
        var registration = Assert.Single(read.GetProperty("registrations").EnumerateArray());
        Assert.Equal(("Personne anonymisée", System.Text.Json.JsonValueKind.Null, "confirmed"), (registration.Str("personName"), registration.GetProperty("email").ValueKind, registration.Str("status")));
        Assert.Equal(1, read.GetProperty("confirmed").GetInt32());
    }
}
