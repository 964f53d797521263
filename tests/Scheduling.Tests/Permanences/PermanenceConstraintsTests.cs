using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Permanences;

/// <summary>
/// When a permanence may be held (issue 18): the seed's complaint was a Sunday 22:00–23:30 slot, past the convention's
/// current period, while a lapse dispute was open, accepted. Each is now refused with its code.
/// </summary>
public sealed class PermanenceConstraintsTests : SchedulingTest
{
    [Fact]
    public async Task A_slot_fits_the_venues_opening_hours_of_its_weekday_which_only_the_operator_sets()
    {
        var hours = new
        {
            hours = new[]
            {
                new { dayOfWeek = "tuesday", opens = "09:00", closes = "12:00" },
                new { dayOfWeek = "thursday", opens = "09:00", closes = "12:00" },
                new { dayOfWeek = "thursday", opens = "13:30", closes = "16:30" },
            },
        };
        await Premises.Partner.PutJsonAsync($"/api/v1/venues/{Premises.VenueId}/opening-hours", hours).ExpectAsync(HttpStatusCode.Forbidden);
        var venue = await Premises.Operator.PutJsonAsync($"/api/v1/venues/{Premises.VenueId}/opening-hours", hours).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["tuesday", "thursday", "thursday"], venue.GetProperty("openingHours").EnumerateArray().Select(h => h.Str("dayOfWeek")));
        await Premises.Operator.PutJsonAsync($"/api/v1/venues/{Premises.VenueId}/opening-hours",
            new { hours = new[] { new { dayOfWeek = "monday", opens = "09:00", closes = "12:00" }, new { dayOfWeek = "monday", opens = "11:00", closes = "13:00" } } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var sunday = await Premises.DeclareCall(Premises.Permanence(day: "sunday", start: "22:00", end: "23:30")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "permanence.outside_opening_hours");
        Assert.Contains("closed on Sundays", sunday.Str("detail"), StringComparison.Ordinal);
        var late = await Premises.DeclareCall(Premises.Permanence(day: "thursday", start: "14:00", end: "17:00")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "permanence.outside_opening_hours");
        Assert.Contains("09:00–12:00 and 13:30–16:30", late.Str("detail"), StringComparison.Ordinal);
        await Premises.DeclareCall(Premises.Permanence(day: "thursday", start: "13:30", end: "16:30")).ExpectAsync(HttpStatusCode.Created);

        // An empty list lifts the restriction.
        await Premises.Operator.PutJsonAsync($"/api/v1/venues/{Premises.VenueId}/opening-hours", new { hours = Array.Empty<object>() }).ExpectAsync(HttpStatusCode.OK);
        await Premises.DeclareCall(Premises.Permanence(day: "sunday", start: "10:00", end: "12:00", roomId: Premises.Room)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_slot_falls_within_the_conventions_period_or_the_next_one_once_renewal_is_decided()
    {
        // The committee renewed 2026 into 2027 (SchedulingTest); 2028 is beyond what was decided.
        var refusal = await Premises.DeclareCall(new
        {
            conventionId = Premises.ConventionId, roomId = Premises.Office, semester = "2028-S1", dayOfWeek = "thursday",
            startTime = "14:00", endTime = "17:00", activity = "residence-permit", intervenant = "Conseillère", capacity = 2,
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "permanence.outside_period");
        Assert.Contains("2026-01-01 – 2027-12-31", refusal.Str("detail"), StringComparison.Ordinal);
        await Premises.DeclareCall(Premises.Permanence()).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task No_new_permanence_while_a_dispute_puts_the_conventions_end_in_question()
    {
        await Premises.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = Premises.ConventionId, raisedBy = "operator", kind = "breach", grounds = "Permanences non tenues sans prévenir.",
            notice = new { channel = "registered-letter", sentOn = "2026-11-20", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);

        var refusal = await Premises.DeclareCall(Premises.Permanence()).ExpectProblemAsync(HttpStatusCode.Conflict, "permanence.dispute_open");
        Assert.Contains("2026-11-23", refusal.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_proposes_and_only_the_venues_operator_approves_again_as_of_now_or_refuses_with_a_reason()
    {
        var proposed = await Premises.DeclareCall(Premises.Permanence()).ExpectAsync<PermanenceView>(HttpStatusCode.Created);
        Assert.Equal(("proposed", 0), (proposed.Status, proposed.Occurrences.Count));
        var other = await Premises.DeclareCall(Premises.Permanence(day: "tuesday")).ExpectAsync<PermanenceView>(HttpStatusCode.Created);

        await Premises.Partner.PostAsync($"/api/v1/permanences/{proposed.Id}/approval", null).ExpectAsync(HttpStatusCode.Forbidden);
        var refused = await Premises.Operator.PostJsonAsync($"/api/v1/permanences/{other.Id}/refusal", new { reason = "Le bureau est pris le mardi." }).ExpectAsync<PermanenceView>(HttpStatusCode.OK);
        Assert.Equal(("refused", "Le bureau est pris le mardi."), (refused.Status, refused.RefusalReason));
        await Premises.Operator.PostAsync($"/api/v1/permanences/{other.Id}/approval", null).ExpectProblemAsync(HttpStatusCode.Conflict, "permanence.not_proposed");

        // Each proposal is put to the venue's operator by a letter; the refusal tells the partner why (the operator keeps a copy).
        await Factory.RunJobAsync("outbox");
        var notices = (await Factory.Admin().GetAsync($"/api/v1/notices?conventionId={Premises.ConventionId}").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK)).Items;
        var proposals = notices.Where(n => n.Kind == "permanence-proposed").ToList();
        Assert.Equal(2, proposals.Count);
        Assert.All(proposals, n => Assert.Equal("referente@operateur.example", Assert.Single(n.Recipients).Email));
        var proposalLetter = await Factory.Admin().GetAsync($"/api/v1/notices/{proposals[0].Id}").ExpectAsync<LetterView>(HttpStatusCode.OK);
        Assert.Contains("de 14h00 à 17h00, pour le premier semestre 2027", proposalLetter.BodyHtml, StringComparison.Ordinal);
        // One letter per organization.
        var refusals = notices.Where(n => n.Kind == "permanence-refused").ToList();
        Assert.Equal(["referent@partenaire.example", "referente@operateur.example"], refusals.Select(n => Assert.Single(n.Recipients).Email).Order(StringComparer.Ordinal));
        var refusalLetter = await Factory.Admin().GetAsync($"/api/v1/notices/{refusals[0].Id}").ExpectAsync<LetterView>(HttpStatusCode.OK);
        Assert.Contains("chaque mardi de 14h00 à 17h00", refusalLetter.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Motif : Le bureau est pris le mardi.", refusalLetter.BodyHtml, StringComparison.Ordinal);

        // A dispute opened meanwhile: the approval checks again, as of now.
        await Premises.Operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = Premises.ConventionId, raisedBy = "operator", kind = "breach", grounds = "Permanences non tenues.",
            notice = new { channel = "registered-letter", sentOn = "2026-11-20", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);
        await Premises.Operator.PostAsync($"/api/v1/permanences/{proposed.Id}/approval", null).ExpectProblemAsync(HttpStatusCode.Conflict, "permanence.dispute_open");
        Assert.Empty((await Premises.CalendarAsync("2027-01-01", "2027-06-30")).Items);
    }
}
