using System.Net;
using System.Text.Json;
using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Tests;

/// <summary>The Billetterie solidaire through the HTTP API, from the deposit of invitations to attendance.</summary>
public sealed class TicketingWorkflowTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();
    private ConventionScenario _scenario = null!;
    private HttpClient _booker = null!;
    private HttpClient _publisher = null!;
    private string _publisherId = string.Empty;

    public async Task InitializeAsync()
    {
        _scenario = await ConventionScenario.CultureAsync(_factory);
        var conventionId = (await _scenario.DraftCultureAsync()).Str("id");
        await _scenario.SignBothAsync(conventionId);
        var (_, bookerKey) = await _scenario.Operator.IssueKeyAsync(_scenario.PartnerId, "booker", "2029-11-01");
        _booker = _factory.Client(bookerKey);
        _publisherId = await _scenario.Operator.CreateOrganizationAsync("Théâtre du Confluent", "cultural-institution");
        await _scenario.Operator.AddContactAsync(_publisherId, "Chargée RP", "rp@theatre.example", "referent");
        var (_, publisherKey) = await _scenario.Operator.IssueKeyAsync(_publisherId, "publisher", "2029-11-01");
        _publisher = _factory.Client(publisherKey);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(string OfferId, string SessionId)> OfferAsync(int seats, string startsAt = "2026-12-04T20:30:00+01:00")
    {
        var offer = await (await _publisher.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = _publisherId, title = "Le Malade imaginaire", category = "show", venueName = "Théâtre du Confluent", city = "Lyon",
            description = "Comédie-ballet de Molière.", sessions = new[] { new { startsAt, seats } },
        })).ExpectAsync(HttpStatusCode.Created);
        return (offer.Str("id"), offer.GetProperty("sessions")[0].Str("id"));
    }

    private async Task<string> BeneficiaryAsync(string name, HttpClient? client = null) =>
        (await (await (client ?? _booker).PostJsonAsync("/api/v1/beneficiaries", new { displayName = name })).ExpectAsync(HttpStatusCode.Created)).Str("id");

    private static object Booking(string sessionId, string beneficiaryId, int guests = 0, int companions = 0) => new
    {
        sessionId,
        beneficiaryId,
        guests = Enumerable.Range(1, guests).Select(i => new { fullName = $"Invité {i}", relation = "family" }).ToArray(),
        companions = Enumerable.Range(1, companions).Select(i => new { fullName = $"Accompagnant {i}", kind = "professional", reason = "Présence souhaitée par l'Actionneur" }).ToArray(),
    };

    private async Task<int> SeatsLeftAsync(string offerId) =>
        (await (await _booker.GetAsync($"/api/v1/offers/{offerId}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("sessions")[0].GetProperty("seatsLeft").GetInt32();

    /// <summary>Markup, template syntax, path traversal and quotes, as a hostile or careless user would type them.</summary>
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> {{ 7 * 7 }} {% raw %} ../../etc/passwd \"&amp;";

    [Fact]
    public async Task Hostile_values_come_back_escaped_and_inert_in_rendered_documents()
    {
        // A counter-mark: the beneficiary's and a guest's names, the offer's title and venue.
        var offer = await (await _publisher.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = _publisherId, title = Hostile, category = "show", venueName = Hostile, city = "Lyon",
            description = Hostile, sessions = new[] { new { startsAt = "2026-12-04T20:30:00+01:00", seats = 5 } },
        })).ExpectAsync(HttpStatusCode.Created);
        var beneficiary = await BeneficiaryAsync(Hostile);
        var booking = await (await _booker.PostJsonAsync("/api/v1/bookings", new
        {
            sessionId = offer.GetProperty("sessions")[0].Str("id"), beneficiaryId = beneficiary,
            guests = new[] { new { fullName = Hostile, relation = "friend" } },
        })).ExpectAsync(HttpStatusCode.Created);
        foreach (var invitation in booking.GetProperty("invitations").EnumerateArray())
        {
            AssertEscaped(await _booker.GetStringAsync($"/api/v1/invitations/{invitation.Str("id")}/document"));
        }

        // A convention: the partner's name and its signatory's, in the draft and in the printed original.
        var scenario = await ConventionScenario.CultureAsync(_factory, partnerName: Hostile);
        var draft = await (await scenario.Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = scenario.OperatorId, partnerOrganizationId = scenario.PartnerId,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = Hostile,
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" },
            partnerSignatory = new { fullName = Hostile, title = Hostile },
        })).ExpectAsync(HttpStatusCode.Created);
        AssertEscaped(await scenario.Operator.GetStringAsync($"/api/v1/conventions/{draft.Str("id")}/document"));
    }

    private static void AssertEscaped(string html)
    {
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("{{ 7 * 7 }}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">49<", html, StringComparison.Ordinal);
        Assert.Contains("&amp;amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_gives_every_seat_a_nominative_invitation_with_a_unique_code()
    {
        var (offerId, sessionId) = await OfferAsync(10);
        var beneficiary = await BeneficiaryAsync("Samia K.");

        var booking = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary, guests: 2, companions: 1))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("confirmed", booking.Str("status"));
        var invitations = booking.GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(4, invitations.Count);
        Assert.Equal(new[] { "beneficiary", "companion", "guest", "guest" }, invitations.Select(i => i.Str("role")).OrderBy(r => r, StringComparer.Ordinal));
        Assert.Equal(4, invitations.Select(i => i.Str("code")).Distinct().Count());
        Assert.All(invitations, i => Assert.Equal("valid", i.Str("status")));
        Assert.Equal(6, await SeatsLeftAsync(offerId));

        var invitationId = invitations.First(i => i.Str("role") == "guest").Str("id");
        var patch = await _booker.PatchAsync($"/api/v1/bookings/{booking.Str("id")}/invitations/{invitationId}", new StringContent("{\"holderName\":\"Quelqu'un d'autre\"}", System.Text.Encoding.UTF8, "application/json"));
        await patch.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "booking.invitation_nominative");

        var document = await _booker.GetStringAsync($"/api/v1/invitations/{invitations[0].Str("id")}/document");
        Assert.Contains(invitations[0].Str("code"), document, StringComparison.Ordinal);
        Assert.Contains("ne peut être cédée", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seats_are_all_or_nothing_and_a_booking_that_does_not_fit_is_waitlisted_with_its_position()
    {
        var (offerId, sessionId) = await OfferAsync(3);
        var first = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("A"), guests: 1))).ExpectAsync(HttpStatusCode.Created);
        var second = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("B"), guests: 1))).ExpectAsync(HttpStatusCode.Created);
        var third = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("C")))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("confirmed", first.Str("status"));
        Assert.Equal(("waitlisted", 1), (second.Str("status"), second.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal("confirmed", third.Str("status"));
        Assert.Equal(0, await SeatsLeftAsync(offerId));

        // Cancelling the first frees two seats in the same transaction: the waiting booking (two people) is confirmed.
        var cancelled = await (await _booker.PostAsync($"/api/v1/bookings/{first.Str("id")}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.All(cancelled.GetProperty("invitations").EnumerateArray(), i => Assert.Equal("cancelled", i.Str("status")));
        var promoted = await (await _booker.GetAsync($"/api/v1/bookings/{second.Str("id")}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", promoted.Str("status"));
        Assert.Equal(0, await SeatsLeftAsync(offerId));
        await _factory.RunJobAsync("outbox");
        var notices = await (await _booker.GetAsync("/api/v1/notices")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "waitlist-confirmed");
        await (await _booker.PostAsync($"/api/v1/bookings/{first.Str("id")}/cancel", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "booking.already_cancelled");
    }

    [Fact]
    public async Task A_single_guest_or_companion_can_be_cancelled_but_not_the_beneficiary()
    {
        var (offerId, sessionId) = await OfferAsync(5);
        var booking = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("D"), guests: 1, companions: 1))).ExpectAsync(HttpStatusCode.Created);
        var invitations = booking.GetProperty("invitations").EnumerateArray().ToList();
        var id = booking.Str("id");

        var afterGuest = await (await _booker.PostAsync($"/api/v1/bookings/{id}/invitations/{invitations.First(i => i.Str("role") == "guest").Str("id")}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", afterGuest.Str("status"));
        Assert.Equal(3, await SeatsLeftAsync(offerId));
        await (await _booker.PostAsync($"/api/v1/bookings/{id}/invitations/{invitations.First(i => i.Str("role") == "beneficiary").Str("id")}/cancel", null))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "booking.beneficiary_invitation");
    }

    [Fact]
    public async Task A_third_booking_in_the_same_week_succeeds_with_an_indicative_warning()
    {
        var beneficiary = await BeneficiaryAsync("E");
        // Monday 30 November, Wednesday 2 and Sunday 6 December 2026: one calendar week.
        var (_, monday) = await OfferAsync(5, "2026-11-30T20:00:00+01:00");
        var (_, wednesday) = await OfferAsync(5, "2026-12-02T20:00:00+01:00");
        var (_, sunday) = await OfferAsync(5, "2026-12-06T15:00:00+01:00");
        var (_, nextMonday) = await OfferAsync(5, "2026-12-07T20:00:00+01:00");

        var one = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(monday, beneficiary))).ExpectAsync(HttpStatusCode.Created);
        var two = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(wednesday, beneficiary))).ExpectAsync(HttpStatusCode.Created);
        var three = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sunday, beneficiary))).ExpectAsync(HttpStatusCode.Created);
        var nextWeek = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(nextMonday, beneficiary))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(0, one.GetProperty("warnings").GetArrayLength());
        Assert.Equal(0, two.GetProperty("warnings").GetArrayLength());
        Assert.Equal("confirmed", three.Str("status"));
        Assert.Equal("booking.reasonable_use", Assert.Single(three.GetProperty("warnings").EnumerateArray()).Str("code"));
        Assert.Equal(0, nextWeek.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Beneficiaries_and_bookings_are_never_visible_to_another_organization()
    {
        var (_, sessionId) = await OfferAsync(5);
        var beneficiary = await BeneficiaryAsync("Personne accompagnée");
        var booking = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectAsync(HttpStatusCode.Created);
        var other = await _scenario.Operator.CreateOrganizationAsync("Autre structure sociale");
        var (_, otherKey) = await _scenario.Operator.IssueKeyAsync(other, "booker");
        var stranger = _factory.Client(otherKey);

        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/beneficiaries")).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/bookings")).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await stranger.GetAsync($"/api/v1/bookings/{booking.Str("id")}")).ExpectProblemAsync(HttpStatusCode.Forbidden, "booking.forbidden");
        await (await stranger.GetAsync($"/api/v1/invitations/{booking.GetProperty("invitations")[0].Str("id")}/document")).ExpectProblemAsync(HttpStatusCode.Forbidden, "booking.forbidden");
        // Booking someone else's beneficiary: not found, nothing disclosed.
        await (await stranger.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
        await (await _scenario.Operator.GetAsync($"/api/v1/bookings/{booking.Str("id")}")).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        Assert.DoesNotContain("Personne accompagnée", await (await _factory.Client().GetAsync("/api/v1/directory")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_structure_with_an_active_convention_and_an_active_account_books()
    {
        var (_, sessionId) = await OfferAsync(5);
        var beneficiary = await BeneficiaryAsync("F");
        var noConvention = await _scenario.Operator.CreateOrganizationAsync("Structure sans convention");
        var (_, noConventionKey) = await _scenario.Operator.IssueKeyAsync(noConvention, "booker");
        var otherBeneficiary = await BeneficiaryAsync("G", _factory.Client(noConventionKey));

        await (await _factory.Client(noConventionKey).PostJsonAsync("/api/v1/bookings", Booking(sessionId, otherBeneficiary))).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");

        await (await _scenario.Operator.PostJsonAsync($"/api/v1/organizations/{_scenario.PartnerId}/suspend", new { reason = "Usage abusif" })).ExpectAsync(HttpStatusCode.OK);
        await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.suspended");
        await (await _scenario.Operator.PostAsync($"/api/v1/organizations/{_scenario.PartnerId}/reactivate", null)).ExpectAsync(HttpStatusCode.OK);
        // Booked once more before the dispute, so the convention's standing is in the cache when it changes.
        await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectAsync(HttpStatusCode.Created);

        var conventions = await (await _scenario.Operator.GetAsync($"/api/v1/conventions?organizationId={_scenario.PartnerId}")).ExpectAsync(HttpStatusCode.OK);
        var conventionId = conventions.GetProperty("items")[0].Str("id");
        await (await _scenario.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées", notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
        })).ExpectAsync(HttpStatusCode.Created);
        await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
    }

    [Fact]
    public async Task A_cancelled_session_cancels_its_bookings_and_tells_every_booking_structure()
    {
        var (offerId, sessionId) = await OfferAsync(2);
        var confirmed = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("H")))).ExpectAsync(HttpStatusCode.Created);
        var waiting = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("I"), guests: 3))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("waitlisted", waiting.Str("status"));

        await (await _publisher.PostJsonAsync($"/api/v1/offers/{offerId}/sessions/{sessionId}/cancel", new { reason = "Comédien souffrant" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", (await (await _booker.GetAsync($"/api/v1/bookings/{confirmed.Str("id")}")).ExpectAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Equal("cancelled", (await (await _booker.GetAsync($"/api/v1/bookings/{waiting.Str("id")}")).ExpectAsync(HttpStatusCode.OK)).Str("status"));
        await _factory.RunJobAsync("outbox");
        var notices = await (await _booker.GetAsync("/api/v1/notices")).ExpectAsync(HttpStatusCode.OK);
        var notice = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("kind") == "session-cancelled");
        Assert.Contains(notice.GetProperty("recipients").EnumerateArray(), r => r.Str("email") == "referent@partenaire.example");
    }

    [Fact]
    public async Task A_new_session_time_is_sent_to_every_booking_structure()
    {
        var (offerId, sessionId) = await OfferAsync(5);
        await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("J")))).ExpectAsync(HttpStatusCode.Created);

        var changed = await (await _publisher.PatchAsync($"/api/v1/offers/{offerId}/sessions/{sessionId}",
            new StringContent("{\"startsAt\":\"2026-12-05T15:00:00+01:00\"}", System.Text.Encoding.UTF8, "application/json"))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("2026-12-05T15:00:00+01:00", changed.Str("startsAt"));
        await _factory.RunJobAsync("outbox");
        var notices = await (await _booker.GetAsync("/api/v1/notices")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("kind") == "session-rescheduled");
    }

    [Fact]
    public async Task Attendance_is_recorded_after_the_session_and_feeds_the_dashboard_and_the_unused_report()
    {
        var (_, sessionId) = await OfferAsync(5, "2026-11-25T20:00:00+01:00");
        var booking = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, await BeneficiaryAsync("K"), guests: 2))).ExpectAsync(HttpStatusCode.Created);
        var invitations = booking.GetProperty("invitations").EnumerateArray().Select(i => i.Str("id")).ToList();
        var attendance = new
        {
            invitations = new[] { new { invitationId = invitations[0], attended = true }, new { invitationId = invitations[1], attended = false }, new { invitationId = invitations[2], attended = false } },
            comment = "Belle soirée.",
        };

        await (await _booker.PostJsonAsync($"/api/v1/bookings/{booking.Str("id")}/attendance", attendance)).ExpectProblemAsync(HttpStatusCode.Conflict, "session.not_started");
        _factory.Clock.SetParisDate(new DateOnly(2026, 11, 26));
        await (await _booker.PostAsync($"/api/v1/bookings/{booking.Str("id")}/cancel", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "session.started");
        await (await _booker.PostJsonAsync($"/api/v1/bookings/{booking.Str("id")}/attendance", attendance)).ExpectAsync(HttpStatusCode.OK);

        var dashboard = await (await _booker.GetAsync($"/api/v1/organizations/{_scenario.PartnerId}/dashboard?from=2026-11-01&to=2026-11-30")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((1, 3, 1, 2, 0), (dashboard.GetProperty("bookings").GetInt32(), dashboard.GetProperty("invitations").GetInt32(), dashboard.GetProperty("attended").GetInt32(),
            dashboard.GetProperty("noShows").GetInt32(), dashboard.GetProperty("cancelled").GetInt32()));
        var unused = await (await _scenario.Operator.GetAsync("/api/v1/reports/unused-invitations?from=2026-11-01&to=2026-11-30")).ExpectAsync(HttpStatusCode.OK);
        var entry = Assert.Single(unused.GetProperty("items").EnumerateArray());
        Assert.Equal((_scenario.PartnerId, 2), (entry.Str("organizationId"), entry.GetProperty("noShows").GetInt32()));
        await (await _booker.GetAsync("/api/v1/reports/unused-invitations")).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task Parallel_bookings_for_the_last_seats_confirm_exactly_the_seats_and_waitlist_the_rest()
    {
        const int seats = 7;
        const int attempts = 40;
        var (offerId, sessionId) = await OfferAsync(seats);
        var beneficiaries = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            beneficiaries.Add(await BeneficiaryAsync($"Personne {i}"));
        }

        var responses = await Task.WhenAll(beneficiaries.Select(async b =>
        {
            var response = await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, b));
            return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Status == 201, $"{r.Status}: {r.Body}"));
        var statuses = responses.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Equal(seats, statuses.Count(s => s == "confirmed"));
        Assert.Equal(attempts - seats, statuses.Count(s => s == "waitlisted"));
        Assert.Equal(0, await SeatsLeftAsync(offerId));
        var positions = responses.Select(r => JsonDocument.Parse(r.Body).RootElement).Where(e => e.Str("status") == "waitlisted")
            .Select(e => e.GetProperty("waitlistPosition").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, attempts - seats), positions);
    }
    [Fact]
    public async Task Bookings_written_together_take_seats_in_order_and_a_failing_one_fails_alone()
    {
        var (offerId, sessionId) = await OfferAsync(4);
        var beneficiary = await BeneficiaryAsync("Samia K.");
        var first = await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary))).ExpectAsync(HttpStatusCode.Created);
        var takenCode = first.GetProperty("invitations")[0].Str("code");
        Assert.Equal(3, await SeatsLeftAsync(offerId));

        var startsAt = first.GetProperty("sessionStartsAt").GetDateTimeOffset();
        Booking New(int party, string? code = null) => NewBooking(offerId, sessionId, beneficiary, startsAt, party, code);

        // One group: A takes a seat, B reuses an invitation code already issued (the unique index refuses it), C takes
        // the last two seats, D finds none and waits.
        var (a, b, c, d) = (New(1), New(1, takenCode), New(2), New(1));
        var writer = _factory.Services.GetRequiredService<BookingGroupCommit>();
        await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteTogetherAsync([a, b, c, d]));

        foreach (var (booking, status) in new[] { (a, "confirmed"), (c, "confirmed"), (d, "waitlisted") })
        {
            var stored = await (await _booker.GetAsync($"/api/v1/bookings/{booking.Id}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(status, stored.Str("status"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _booker.GetAsync($"/api/v1/bookings/{b.Id}")).StatusCode);
        // B's seat went back with its transaction: 4 seats = the first booking + A + C's two.
        Assert.Equal(0, await SeatsLeftAsync(offerId));
        Assert.Equal(1, (await (await _booker.GetAsync($"/api/v1/bookings/{d.Id}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("waitlistPosition").GetInt32());
    }

    /// <summary>A booking as the booking handler builds it, for the writer itself.</summary>
    private Booking NewBooking(string offerId, string sessionId, string beneficiary, DateTimeOffset startsAt, int party, string? code = null) =>
        Conventions.Modules.Ticketing.Domain.Booking.Request(
            new BookedSession(Guid.Parse(sessionId), Guid.Parse(offerId), startsAt), Guid.Parse(_scenario.PartnerId), Guid.Parse(beneficiary), null,
            Enumerable.Range(0, party).Select(i => i == 0
                ? new InvitationRequest($"Personne {i}", InvitationRole.Beneficiary) { Code = code }
                : new InvitationRequest($"Personne {i}", InvitationRole.Guest, GuestRelation.Family)),
            startsAt.AddDays(-5));

    private async Task<JsonElement> BookAsync(string sessionId, string beneficiary, int guests = 0) =>
        await (await _booker.PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiary, guests))).ExpectAsync(HttpStatusCode.Created);

    private async Task<int?> PositionAsync(string bookingId)
    {
        var booking = await (await _booker.GetAsync($"/api/v1/bookings/{bookingId}")).ExpectAsync(HttpStatusCode.OK);
        return booking.TryGetProperty("waitlistPosition", out var position) && position.ValueKind == JsonValueKind.Number ? position.GetInt32() : null;
    }

    [Fact]
    public async Task A_new_waiting_position_counts_the_bookings_that_left_the_list_and_freed_seats_reach_past_a_long_list()
    {
        var (offerId, sessionId) = await OfferAsync(2);
        var beneficiary = await BeneficiaryAsync("Samia K.");
        var holder = await BookAsync(sessionId, beneficiary, guests: 1);
        Assert.Equal("confirmed", holder.Str("status"));

        // 55 parties of three wait (more than a page of the list), then one person alone.
        var threes = new List<string>();
        for (var i = 1; i <= 55; i++)
        {
            var waiting = await BookAsync(sessionId, beneficiary, guests: 2);
            Assert.Equal(("waitlisted", i), (waiting.Str("status"), waiting.GetProperty("waitlistPosition").GetInt32()));
            threes.Add(waiting.Str("id"));
        }
        var alone = await BookAsync(sessionId, beneficiary);
        Assert.Equal(56, alone.GetProperty("waitlistPosition").GetInt32());

        // A waiting booking cancelled leaves the list: the next one to join is 56th, not 57th, as a count would say.
        await (await _booker.PostAsync($"/api/v1/bookings/{threes[10]}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(55, await PositionAsync(alone.Str("id")));
        var late = await BookAsync(sessionId, beneficiary, guests: 2);
        Assert.Equal(56, late.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(56, await PositionAsync(late.Str("id")));

        // The holder cancels: two seats free. No party of three fits; the person alone, past them all, is confirmed.
        await (await _booker.PostAsync($"/api/v1/bookings/{holder.Str("id")}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(await PositionAsync(alone.Str("id")));
        Assert.Equal("confirmed", (await (await _booker.GetAsync($"/api/v1/bookings/{alone.Str("id")}")).ExpectAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Equal(1, await SeatsLeftAsync(offerId));
        Assert.Equal(55, await PositionAsync(late.Str("id")));

        // The list now holds the 54 parties of three and the late one; the next to join is 56th.
        var next = await BookAsync(sessionId, beneficiary, guests: 1);
        Assert.Equal(("waitlisted", 56), (next.Str("status"), next.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal(56, await PositionAsync(next.Str("id")));
    }

    [Fact]
    public async Task A_booking_checked_before_its_session_was_cancelled_is_refused_by_the_writer_and_not_stored()
    {
        var (offerId, sessionId) = await OfferAsync(1);
        var beneficiary = await BeneficiaryAsync("Samia K.");
        var first = await BookAsync(sessionId, beneficiary);
        await (await _publisher.PostJsonAsync($"/api/v1/offers/{offerId}/sessions/{sessionId}/cancel", new { reason = "Comédien souffrant" })).ExpectAsync(HttpStatusCode.OK);

        // As if the request had checked the session just before the cancellation: no seat is left to take, and the
        // waiting list of a cancelled session is not joined either.
        var late = NewBooking(offerId, sessionId, beneficiary, first.GetProperty("sessionStartsAt").GetDateTimeOffset(), 1);
        var writer = _factory.Services.GetRequiredService<BookingGroupCommit>();
        var refused = await Assert.ThrowsAsync<ConflictException>(() => writer.WriteAsync(late));
        Assert.Equal("session.cancelled", refused.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await _booker.GetAsync($"/api/v1/bookings/{late.Id}")).StatusCode);
    }
}
