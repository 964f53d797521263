using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Beneficiaries;

/// <summary>
/// Personal data under the RGPD (issue 18), through HTTP: the holding structure exports and erases a beneficiary; the
/// retention job anonymises those without activity for 24 months, and the counts stay what they were; bulk reads are logged.
/// </summary>
public sealed class PersonalDataTests : TicketingTest
{
    private Task<HttpResponseMessage> Erase(Guid id, HttpClient? client = null) => (client ?? Ticketing.Booker).DeleteAsync($"/api/v1/beneficiaries/{id}");

    private Task<System.Text.Json.JsonElement> Export(Guid id) => Ticketing.Booker.GetAsync($"/api/v1/beneficiaries/{id}/export").ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_structure_exports_a_beneficiary_then_erases_them_once_no_outing_is_left_and_the_bookings_stay_as_counts()
    {
        var offer = await Ticketing.PublishAsync(10);
        var samia = await Ticketing.BeneficiaryAsync("Samia K.");
        var booking = await Ticketing.BookAsync(offer.Session.Id, samia, guests: 1, companions: 1);

        var export = await Export(samia);
        Assert.Equal("Samia K.", export.Str("displayName"));
        var exported = export.GetProperty("bookings")[0];
        Assert.Equal("Le Malade imaginaire", exported.Str("offerTitle"));
        Assert.Equal(["Samia K.", "Invité 1", "Accompagnant 1"], exported.GetProperty("invitations").EnumerateArray().Select(i => i.Str("holderName")));
        Assert.Equal("Présence souhaitée par l'Actionneur", exported.GetProperty("invitations")[2].Str("reason"));

        await Erase(samia).ExpectProblemAsync(HttpStatusCode.Conflict, "beneficiary.upcoming_outing");
        var stranger = await StrangerAsync("Structure voisine");
        await Erase(samia, stranger).ExpectProblemAsync(HttpStatusCode.NotFound, "beneficiary.not_found");
        await stranger.GetAsync($"/api/v1/beneficiaries/{samia}/export").ExpectProblemAsync(HttpStatusCode.NotFound, "beneficiary.not_found");

        await Ticketing.CancelAsync(booking.Id);
        await Erase(samia).ExpectAsync(HttpStatusCode.NoContent);
        await Erase(samia).ExpectAsync(HttpStatusCode.NoContent);

        var erased = await Export(samia);
        Assert.Equal(("Personne anonymisée", null), (erased.Str("displayName"), erased.Str("externalRef")));
        Assert.NotNull(erased.Str("anonymisedAt"));
        var seats = erased.GetProperty("bookings")[0].GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(["Personne anonymisée", "Invité anonymisé", "Accompagnant anonymisé"], seats.Select(i => i.Str("holderName")));
        Assert.All(seats, i => Assert.Equal((null, "cancelled"), (i.Str("reason"), i.Str("status"))));
        var kept = await Ticketing.BookingAsync(booking.Id);
        Assert.Equal(("cancelled", 3), (kept.Status, kept.Invitations.Count));
        Assert.DoesNotContain("Samia", await Ticketing.Booker.GetStringAsync("/api/v1/beneficiaries"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_24_months_without_activity_a_person_is_anonymised_once_and_every_count_stays_the_same()
    {
        var december = await Ticketing.PublishAsync(10);
        var june = await Ticketing.PublishAsync(10, startsAt: "2027-06-01T20:30:00+02:00", title: "Carmen");
        var outing = await Ticketing.BookSomeoneAsync(december.Session.Id, "Awa D.", guests: 1, companions: 1);
        var later = await Ticketing.BookSomeoneAsync(june.Session.Id, "Moussa T.");
        var neverBooked = await Ticketing.BeneficiaryAsync("Lina H.");
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 5));
        await Ticketing.AttendanceCall(outing.Id, outing.Invitations.Select(i => (i.Id, i.Role != "guest")), "Très belle sortie.").ExpectAsync(HttpStatusCode.OK);
        var dashboard = $"/api/v1/organizations/{Scenario.PartnerId}/dashboard?from=2026-11-01&to=2027-12-31";

        // 5 December 2028: two years and a day after Awa's outing and more than two years after Lina's registration.
        Factory.Clock.SetParisDate(new DateOnly(2028, 12, 5));
        var before = (await Scenario.Operator.GetAsync(dashboard).ExpectAsync(HttpStatusCode.OK)).GetRawText();
        var unusedBefore = (await Scenario.Operator.GetAsync("/api/v1/reports/unused-invitations?from=2026-11-01&to=2027-12-31").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32();

        Assert.Equal(2, await Factory.RunJobAsync("retention-beneficiaries"));
        Assert.Equal(0, await Factory.RunJobAsync("retention-beneficiaries"));

        Assert.Equal(before, (await Scenario.Operator.GetAsync(dashboard).ExpectAsync(HttpStatusCode.OK)).GetRawText());
        Assert.Equal(unusedBefore, (await Scenario.Operator.GetAsync("/api/v1/reports/unused-invitations?from=2026-11-01&to=2027-12-31").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal("Personne anonymisée", (await Export(outing.BeneficiaryId)).Str("displayName"));
        Assert.Equal("Personne anonymisée", (await Export(neverBooked)).Str("displayName"));
        Assert.Equal("Moussa T.", (await Export(later.BeneficiaryId)).Str("displayName"));
        var seats = (await Export(outing.BeneficiaryId)).GetProperty("bookings")[0];
        Assert.Equal(("attended", "no-show"), (seats.GetProperty("invitations")[0].Str("status"), seats.GetProperty("invitations")[1].Str("status")));
        Assert.Null(seats.Str("attendanceComment"));
    }

    [Fact]
    public async Task Every_bulk_read_of_people_is_logged_for_its_organization_and_forgotten_after_12_months()
    {
        await Ticketing.BeneficiaryAsync("Awa D.");
        await Ticketing.Booker.GetAsync("/api/v1/beneficiaries?limit=10").ExpectAsync(HttpStatusCode.OK);
        await Ticketing.Booker.GetAsync("/api/v1/bookings").ExpectAsync(HttpStatusCode.OK);

        var log = await Scenario.Partner.GetAsync("/api/v1/personal-data-access").ExpectAsync(HttpStatusCode.OK);
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        // The test clock stands still: both reads share an instant, so their order is not asserted.
        Assert.Equal(["beneficiaries", "bookings"], entries.Select(e => e.Str("resource")).Order(StringComparer.Ordinal));
        var read = entries.Single(e => e.Str("resource") == "beneficiaries");
        Assert.Equal(("/api/v1/beneficiaries?limit=10", "booker"), (read.Str("request"), read.Str("role")));
        // Another organization does not see them; the platform does.
        var stranger = await Factory.Admin().CreateOrganizationAsync("Structure curieuse");
        var (_, strangerKey) = await Factory.Admin().IssueKeyAsync(stranger, "partner");
        Assert.Equal(0, (await Factory.Client(strangerKey).GetAsync("/api/v1/personal-data-access").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await Factory.Client(strangerKey).GetAsync($"/api/v1/personal-data-access?organizationId={Scenario.PartnerId}").ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.forbidden");
        Assert.True((await Factory.Admin().GetAsync($"/api/v1/personal-data-access?organizationId={Scenario.PartnerId}").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32() >= 2);

        Factory.Clock.SetParisDate(new DateOnly(2027, 11, 24));
        Assert.True(await Factory.RunJobAsync("retention-access-log") >= 2);
        Assert.Equal(0, (await Scenario.Partner.GetAsync("/api/v1/personal-data-access").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}
