using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Occurrences;

/// <summary><c>POST /occurrences/{id}/cancel</c>: everyone concerned gets a letter of their own.</summary>
public sealed class CancelOccurrenceTests : SchedulingTest
{
    [Fact]
    public async Task A_cancelled_occurrence_notifies_the_venue_the_partner_and_everyone_with_an_appointment()
    {
        var occurrence = (await Premises.DeclareAsync()).Occurrences[0].Id;
        await Premises.AppointmentCall(occurrence, SchedulingDriver.Person("Amina"), Premises.Operator).ExpectAsync(HttpStatusCode.Created);

        var cancelled = await Premises.CancelCall(occurrence, "Intervenant absent").ExpectAsync<OccurrenceView>(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Status);
        await Factory.RunJobAsync("outbox");
        var notices = await Factory.Admin().GetAsync($"/api/v1/notices?conventionId={Premises.ConventionId}").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK);
        // One letter each: the venue's operator, the partner, and the person with an appointment; nobody reads another's address.
        var letters = notices.Items.Where(n => n.Kind == "occurrence-cancelled").ToList();
        Assert.All(letters, n => Assert.StartsWith("Permanence non maintenue le 7 janvier 2027", n.Subject, StringComparison.Ordinal));
        Assert.Equal(["amina@example.org", "referent@partenaire.example", "referente@operateur.example"],
            letters.Select(n => string.Join(",", n.Recipients.Select(r => r.Email))).Order(StringComparer.Ordinal));
        await Premises.CancelCall(occurrence, "x").ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.already_cancelled");
        await Premises.AppointmentCall(occurrence, new { personName = "Bruno", topic = "x", referredByVenue = false }).ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.cancelled");
    }

    [Fact]
    public async Task When_the_premises_convention_ends_its_future_occurrences_are_cancelled()
    {
        await Premises.DeclareAsync();
        await Scenario.AcknowledgeInternalRulesAsync(Premises.ConventionId.ToString(), Premises.VenueId.ToString());
        await Premises.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = Premises.ConventionId, raisedBy = "operator", kind = "internal-rules-breach", grounds = "Manquement au règlement intérieur.",
            notice = new { channel = "hand-delivered", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);

        await Factory.RunJobAsync("outbox");
        await Factory.RunJobAsync("outbox");

        var calendar = await Premises.CalendarAsync("2027-01-01", "2027-06-30");
        Assert.Equal(24, calendar.Total);
        Assert.All(calendar.Items, o => Assert.Equal("cancelled", o.Status));
    }
}
