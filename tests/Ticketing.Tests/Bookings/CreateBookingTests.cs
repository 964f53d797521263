using System.Net;
using System.Text.Json;
using Conventions.BuildingBlocks.Web;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>POST /bookings</c>: nominative invitations, all seats or none, the waiting list, the weekly warning, who may book.</summary>
public sealed class CreateBookingTests : TicketingTest
{
    [Fact]
    public async Task A_booking_gives_every_seat_a_nominative_invitation_with_a_unique_code()
    {
        var offer = await Ticketing.PublishAsync(10);

        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Samia K.", guests: 2, companions: 1);

        Assert.Equal("confirmed", booking.Status);
        Assert.Equal(["beneficiary", "companion", "guest", "guest"], booking.Invitations.Select(i => i.Role).Order(StringComparer.Ordinal));
        Assert.Equal(4, booking.Invitations.Select(i => i.Code).Distinct().Count());
        Assert.All(booking.Invitations, i => Assert.Equal("valid", i.Status));
        Assert.Equal(6, await Ticketing.SeatsLeftAsync(offer.Id));

        await Ticketing.Booker.PatchJsonAsync($"/api/v1/bookings/{booking.Id}/invitations/{booking.Invitation("guest").Id}", new { holderName = "Quelqu'un d'autre" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "booking.invitation_nominative");
    }

    [Fact]
    public async Task Seats_are_all_or_nothing_and_a_booking_that_does_not_fit_is_waitlisted_with_its_position()
    {
        var offer = await Ticketing.PublishAsync(3);

        var first = await Ticketing.BookSomeoneAsync(offer.Session.Id, "A", guests: 1);
        var second = await Ticketing.BookSomeoneAsync(offer.Session.Id, "B", guests: 1);
        var third = await Ticketing.BookSomeoneAsync(offer.Session.Id, "C");

        Assert.Equal(("confirmed", (int?)null), (first.Status, first.WaitlistPosition));
        Assert.Equal(("waitlisted", (int?)1), (second.Status, second.WaitlistPosition));
        Assert.Equal("confirmed", third.Status);
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
    }

    [Fact]
    public async Task A_third_booking_in_the_same_week_succeeds_with_an_indicative_warning()
    {
        var beneficiary = await Ticketing.BeneficiaryAsync("E");
        // Monday 30 November, Wednesday 2 and Sunday 6 December 2026: one calendar week; then the next Monday.
        var sessions = new List<Guid>();
        foreach (var startsAt in new[] { "2026-11-30T20:00:00+01:00", "2026-12-02T20:00:00+01:00", "2026-12-06T15:00:00+01:00", "2026-12-07T20:00:00+01:00" })
        {
            sessions.Add((await Ticketing.PublishAsync(5, startsAt)).Session.Id);
        }

        var bookings = new List<BookingView>();
        foreach (var session in sessions)
        {
            bookings.Add(await Ticketing.BookAsync(session, beneficiary));
        }

        Assert.Equal([0, 0, 1, 0], bookings.Select(b => b.Warnings.Count));
        Assert.Equal(("confirmed", "booking.reasonable_use"), (bookings[2].Status, bookings[2].Warnings[0].Code));
    }

    [Fact]
    public async Task A_booking_for_an_unknown_beneficiary_or_session_or_a_started_or_cancelled_session_is_refused_and_nothing_is_written()
    {
        var offer = await Ticketing.PublishAsync(5);
        var soon = await Ticketing.PublishAsync(5, "2026-11-25T20:00:00+01:00");
        var cancelled = await Ticketing.PublishAsync(5, title: "Annulé");
        await Ticketing.CancelSessionAsync(cancelled, "Salle indisponible");
        var beneficiary = await Ticketing.BeneficiaryAsync("H");
        Factory.Clock.SetParisDate(new DateOnly(2026, 11, 26));

        // On SQLite these are decided by the group commit, in its transaction (ADR 0026): the same answers as before.
        await Ticketing.BookCall(offer.Session.Id, Guid.NewGuid()).ExpectProblemAsync(HttpStatusCode.NotFound, "beneficiary.not_found");
        await Ticketing.BookCall(Guid.NewGuid(), beneficiary).ExpectProblemAsync(HttpStatusCode.NotFound, "session.not_found");
        await Ticketing.BookCall(soon.Session.Id, beneficiary).ExpectProblemAsync(HttpStatusCode.Conflict, "session.started");
        await Ticketing.BookCall(cancelled.Session.Id, beneficiary).ExpectProblemAsync(HttpStatusCode.Conflict, "session.cancelled");

        Assert.Equal(0, (await Ticketing.Booker.GetAsync("/api/v1/bookings").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK)).Total);
        Assert.Equal((5, 5), (await Ticketing.SeatsLeftAsync(offer.Id), await Ticketing.SeatsLeftAsync(soon.Id)));
        var booked = await Ticketing.BookAsync(offer.Session.Id, beneficiary, guests: 1);
        Assert.Equal(("confirmed", offer.Id, offer.Session.Id), (booked.Status, booked.OfferId, booked.SessionId));
        Assert.Equal("H", booked.Invitation("beneficiary").HolderName);
    }

    [Fact]
    public async Task Only_a_structure_with_an_active_convention_and_an_active_account_books()
    {
        var offer = await Ticketing.PublishAsync(5);
        var beneficiary = await Ticketing.BeneficiaryAsync("F");
        var noConvention = await StrangerAsync("Structure sans convention");
        var theirs = await Ticketing.BeneficiaryAsync("G", noConvention);

        await Ticketing.BookCall(offer.Session.Id, theirs, booker: noConvention).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");

        await Scenario.Operator.PostJsonAsync($"/api/v1/organizations/{Scenario.PartnerId}/suspend", new { reason = "Usage abusif" }).ExpectAsync(HttpStatusCode.OK);
        await Ticketing.BookCall(offer.Session.Id, beneficiary).ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.suspended");
        await Scenario.Operator.PostAsync($"/api/v1/organizations/{Scenario.PartnerId}/reactivate", null).ExpectAsync(HttpStatusCode.OK);
        // Booked once more before the dispute, so the convention's standing is in the cache when it changes.
        await Ticketing.BookAsync(offer.Session.Id, beneficiary);

        var conventions = await Scenario.Operator.GetAsync($"/api/v1/conventions?organizationId={Scenario.PartnerId}").ExpectAsync(HttpStatusCode.OK);
        await Scenario.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = conventions.GetProperty("items")[0].Str("id"), raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées",
            notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);
        await Ticketing.BookCall(offer.Session.Id, beneficiary).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
    }

    [Fact]
    public async Task Parallel_bookings_for_the_last_seats_confirm_exactly_the_seats_and_waitlist_the_rest()
    {
        const int seats = 5, attempts = 20;
        var offer = await Ticketing.PublishAsync(seats);
        var beneficiaries = new List<Guid>();
        for (var i = 0; i < attempts; i++)
        {
            beneficiaries.Add(await Ticketing.BeneficiaryAsync($"Personne {i}"));
        }

        var responses = await Task.WhenAll(beneficiaries.Select(async b =>
        {
            var response = await Ticketing.BookCall(offer.Session.Id, b);
            return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Status == 201, $"{r.Status}: {r.Body}"));
        var bookings = responses.Select(r => JsonSerializer.Deserialize<BookingView>(r.Body, JsonDefaults.Options)!).ToList();
        Assert.Equal(seats, bookings.Count(b => b.Status == "confirmed"));
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
        Assert.Equal(Enumerable.Range(1, attempts - seats), bookings.Where(b => b.Status == "waitlisted").Select(b => b.WaitlistPosition!.Value).Order());
    }
}
