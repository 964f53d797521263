using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Scheduling.Tests;

/// <summary>The Ruche Numérique premises through the HTTP API: permanences, conflicts, appointments, cancellations, visits, calendars.</summary>
public sealed class SchedulingWorkflowTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();
    private ConventionScenario _scenario = null!;
    private string _conventionId = string.Empty;
    private string _venueId = string.Empty;
    private string _office = string.Empty;
    private string _room = string.Empty;

    public async Task InitializeAsync()
    {
        _scenario = await ConventionScenario.RucheAsync(_factory);
        _conventionId = (await _scenario.DraftRucheAsync()).Str("id");
        await _scenario.SignBothAsync(_conventionId, place: "Bagnols-sur-Cèze");
        var venue = await _scenario.Operator.PostJsonAsync("/api/v1/venues", new
        {
            name = "La Ruche Numérique",
            operatorOrganizationId = _scenario.OperatorId,
            address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" },
        }).ExpectAsync(HttpStatusCode.Created);
        _venueId = venue.Str("id");
        _office = (await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/rooms", new { name = "Bureau des permanences", kind = "office", capacity = 3, hasInternet = true })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        _room = (await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/rooms", new { name = "Salle d'ateliers", kind = "room", capacity = 12, hasInternet = true })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private object Permanence(string roomId, string day = "thursday", string start = "14:00", string end = "17:00", int capacity = 2, string? conventionId = null) => new
    {
        conventionId = conventionId ?? _conventionId,
        roomId,
        semester = "2027-S1",
        dayOfWeek = day,
        startTime = start,
        endTime = end,
        activity = "residence-permit",
        intervenant = "Conseiller numérique de l'association",
        capacity,
    };

    private async Task<JsonElement> CreatePermanenceAsync(object body) =>
        await _scenario.Partner.PostJsonAsync("/api/v1/permanences", body).ExpectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_permanence_expands_into_occurrences_skipping_holidays_and_reports_the_skipped_dates()
    {
        var permanence = await CreatePermanenceAsync(Permanence(_office));

        var occurrences = permanence.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(24, occurrences.Count);
        Assert.Equal("2027-01-07", occurrences[0].Str("date"));
        Assert.Equal("2027-01-07T14:00:00+01:00", occurrences[0].Str("startsAt"));
        Assert.Equal("2027-06-24T14:00:00+02:00", occurrences[^1].Str("startsAt"));
        Assert.All(occurrences, o => Assert.Equal("planned", o.Str("status")));
        var skipped = Assert.Single(permanence.GetProperty("skipped").EnumerateArray());
        Assert.Equal("2027-05-06", skipped.Str("date"));
        Assert.Equal("14:00", permanence.Str("startTime"));
    }

    [Fact]
    public async Task A_room_is_never_booked_twice_at_the_same_time()
    {
        await CreatePermanenceAsync(Permanence(_office));

        var overlapping = await _scenario.Partner.PostJsonAsync("/api/v1/permanences", Permanence(_office, start: "16:00", end: "18:00"));
        var problem = await overlapping.ExpectProblemAsync(HttpStatusCode.Conflict, "room.conflict");
        Assert.Equal(24, problem.GetProperty("conflicts").GetArrayLength());
        Assert.Equal("2027-01-07", problem.GetProperty("conflicts")[0].Str("date"));

        var reservation = await _scenario.Partner.PostJsonAsync($"/api/v1/rooms/{_office}/reservations", new
        {
            conventionId = _conventionId, startsAt = "2027-01-14T15:00:00+01:00", endsAt = "2027-01-14T15:30:00+01:00", purpose = "Rendez-vous retraite",
        });
        Assert.Single((await reservation.ExpectProblemAsync(HttpStatusCode.Conflict, "room.conflict")).GetProperty("conflicts").EnumerateArray());

        // Back to back, or in another room, is fine.
        await _scenario.Partner.PostJsonAsync("/api/v1/permanences", Permanence(_office, start: "17:00", end: "18:00")).ExpectAsync(HttpStatusCode.Created);
        await _scenario.Partner.PostJsonAsync("/api/v1/permanences", Permanence(_room, start: "14:00", end: "17:00")).ExpectAsync(HttpStatusCode.Created);
        await _scenario.Partner.PostJsonAsync($"/api/v1/rooms/{_office}/reservations", new
        {
            conventionId = _conventionId, startsAt = "2027-01-14T10:00:00+01:00", endsAt = "2027-01-14T11:00:00+01:00", purpose = "Rendez-vous retraite",
        }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Appointments_are_taken_within_capacity()
    {
        var permanence = await CreatePermanenceAsync(Permanence(_office, capacity: 2));
        var occurrence = permanence.GetProperty("occurrences")[0].Str("id");
        object Person(string name) => new { personName = name, topic = "Titre de séjour", referredByVenue = true, email = $"{name.ToLowerInvariant()}@example.org" };

        await _scenario.Operator.PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", Person("Amina")).ExpectAsync(HttpStatusCode.Created);
        var second = await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", Person("Bruno")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("booked").GetInt32());

        await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", Person("Chloe")).ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.full");
    }

    [Fact]
    public async Task A_cancelled_occurrence_notifies_the_venue_the_partner_and_everyone_with_an_appointment()
    {
        var permanence = await CreatePermanenceAsync(Permanence(_office));
        var occurrence = permanence.GetProperty("occurrences")[0].Str("id");
        await _scenario.Operator.PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", new { personName = "Amina", topic = "Titre de séjour", referredByVenue = true, email = "amina@example.org" })
            .ExpectAsync(HttpStatusCode.Created);

        var cancelled = await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrence}/cancel", new { reason = "Intervenant absent" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Str("status"));
        await _factory.RunJobAsync("outbox");
        var notices = await _factory.Admin().GetAsync($"/api/v1/notices?conventionId={_conventionId}").ExpectAsync(HttpStatusCode.OK);
        // One letter each: the venue's operator, the partner, and the person with an appointment; nobody reads another's address.
        var letters = notices.GetProperty("items").EnumerateArray().Where(n => n.Str("kind") == "occurrence-cancelled").ToList();
        Assert.All(letters, n => Assert.StartsWith("Permanence non maintenue le 7 janvier 2027", n.Str("subject"), StringComparison.Ordinal));
        var recipients = letters.Select(n => string.Join(",", n.GetProperty("recipients").EnumerateArray().Select(r => r.Str("email")))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "amina@example.org", "referent@partenaire.example", "referente@operateur.example" }, recipients);
        await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrence}/cancel", new { reason = "x" }).ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.already_cancelled");
        await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", new { personName = "Bruno", topic = "x", referredByVenue = false })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.cancelled");
    }

    [Fact]
    public async Task A_closure_cancels_the_planned_occurrences_it_covers()
    {
        await CreatePermanenceAsync(Permanence(_office));

        var closure = await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/closures", new { from = "2027-02-15", to = "2027-02-26", reason = "Travaux" })
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(new[] { "2027-02-18", "2027-02-25" }, closure.GetProperty("cancelledOccurrences").EnumerateArray().Select(o => o.Str("date")));
    }

    [Fact]
    public async Task Another_organization_cannot_use_a_convention_that_is_not_its_own_and_a_draft_convention_lends_no_room()
    {
        var admin = _factory.Admin();
        var stranger = await admin.CreateOrganizationAsync("Association voisine");
        var (_, strangerKey) = await admin.IssueKeyAsync(stranger, "partner");
        await _factory.Client(strangerKey).PostJsonAsync("/api/v1/permanences", Permanence(_office)).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");

        var draft = (await _scenario.DraftRucheAsync("2027-01-01")).Str("id");
        await _scenario.Partner.PostJsonAsync("/api/v1/permanences", Permanence(_office, conventionId: draft)).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
    }

    [Fact]
    public async Task When_the_premises_convention_ends_its_future_occurrences_are_cancelled()
    {
        await CreatePermanenceAsync(Permanence(_office));
        await _scenario.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = _conventionId, raisedBy = "operator", kind = "internal-rules-breach", grounds = "Manquement au règlement intérieur.",
            notice = new { channel = "hand-delivered", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);

        await _factory.RunJobAsync("outbox");
        await _factory.RunJobAsync("outbox");

        var calendar = await _scenario.Operator.GetAsync($"/api/v1/venues/{_venueId}/calendar?from=2027-01-01&to=2027-06-30").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(24, calendar.GetProperty("total").GetInt32());
        Assert.All(calendar.GetProperty("items").EnumerateArray(), o => Assert.Equal("cancelled", o.Str("status")));
    }

    [Fact]
    public async Task Visits_are_counted_by_category_and_the_2023_figures_come_back_exactly()
    {
        var figures = new Dictionary<string, int> { ["walk-in"] = 3855, ["appointment"] = 565, ["autonomous-access"] = 1394, ["partner"] = 619, ["digital-adviser"] = 742, ["other"] = 948 };
        foreach (var (category, count) in figures)
        {
            // Recorded in two parts on different days, as staff would.
            await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/visits", new { on = "2023-03-14", category, count = count / 2 }).ExpectAsync(HttpStatusCode.Created);
            await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/visits", new { on = "2023-10-02", category, count = count - (count / 2) }).ExpectAsync(HttpStatusCode.Created);
        }
        await _scenario.Operator.PostJsonAsync($"/api/v1/venues/{_venueId}/visits", new { on = "2024-01-03", category = "walk-in", count = 20 }).ExpectAsync(HttpStatusCode.Created);

        var statistics = await _scenario.Partner.GetAsync($"/api/v1/venues/{_venueId}/statistics?year=2023").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(8123, statistics.GetProperty("total").GetInt32());
        Assert.All(figures, f => Assert.Equal(f.Value, statistics.GetProperty("byCategory").GetProperty(f.Key).GetInt32()));
        await _scenario.Partner.PostJsonAsync($"/api/v1/venues/{_venueId}/visits", new { on = "2023-03-14", category = "walk-in", count = 1 })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task The_calendar_reads_as_icalendar_in_the_europe_paris_time_zone()
    {
        var permanence = await CreatePermanenceAsync(Permanence(_office));
        var first = permanence.GetProperty("occurrences")[0].Str("id");
        await _scenario.Partner.PostJsonAsync($"/api/v1/occurrences/{first}/cancel", new { reason = "Intervenant absent; remplacé, la semaine prochaine" }).ExpectAsync(HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/venues/{_venueId}/calendar?from=2027-01-01&to=2027-06-30");
        request.Headers.Accept.ParseAdd("text/calendar");
        var response = await _scenario.Partner.SendAsync(request);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(24, calendar.Events.Count);
        var january = calendar.Events.OrderBy(e => e.DtStart!.Value).First();
        Assert.Equal("Europe/Paris", january.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 1, 7, 14, 0, 0), january.DtStart.Value);
        Assert.Equal("CANCELLED", january.Status);
        Assert.Contains("Intervenant absent; remplacé, la semaine prochaine", january.Description, StringComparison.Ordinal);
        var june = calendar.Events.OrderBy(e => e.DtStart!.Value).Last();
        Assert.Equal(new DateTime(2027, 6, 24, 12, 0, 0, DateTimeKind.Utc), june.DtStart!.AsUtc);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }
}
