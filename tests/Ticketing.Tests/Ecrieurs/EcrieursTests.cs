using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Ecrieurs;

/// <summary>Les écrieurs (issue 19): texts about outings, submitted by structures with consent, moderated by the operator, public without identifiers.</summary>
public sealed class EcrieursTests : TicketingTest
{
    private static object Text(Guid bookingId, string text = "Je n'étais jamais allée au théâtre. Les costumes, les rires de la salle : je reviendrai.", string? authorName = "Samia", bool? consent = true) =>
        new { bookingId, text, authorName, consent };

    [Fact]
    public async Task A_structure_submits_a_text_after_the_outing_the_operator_publishes_it_and_anyone_reads_it_without_identifiers()
    {
        var offer = await Ticketing.PublishAsync(10);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Samia Kaddour");
        await Ticketing.Booker.PostJsonAsync("/api/v1/ecrieurs", Text(booking.Id)).ExpectProblemAsync(HttpStatusCode.Conflict, "writing.not_after_outing");
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 5));

        // Plain prose, a first name or initials, and the author's consent.
        foreach (var (body, field) in new (object, string)[]
                 {
                     (Text(booking.Id, "C'était <b>génial</b>, vraiment une belle soirée au théâtre."), "Text"),
                     (Text(booking.Id, "Tout est raconté sur https://exemple.fr/ma-soiree, venez lire."), "Text"),
                     (Text(booking.Id, "Écrivez-moi à samia.k@exemple.org pour en parler encore."), "Text"),
                     (Text(booking.Id, "Trop court."), "Text"),
                     (Text(booking.Id, authorName: "Samia Kaddour Benali"), "AuthorName"),
                     (Text(booking.Id, consent: null), "Consent"),
                 })
        {
            var refusal = await Ticketing.Booker.PostJsonAsync("/api/v1/ecrieurs", body).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
            Assert.True(refusal.GetProperty("errors").TryGetProperty(field, out _) || refusal.GetProperty("errors").TryGetProperty(char.ToLowerInvariant(field[0]) + field[1..], out _), refusal.ToString());
        }
        await Ticketing.Booker.PostJsonAsync("/api/v1/ecrieurs", Text(booking.Id, consent: false)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "writing.consent_required");
        var stranger = await StrangerAsync("Structure voisine");
        await stranger.PostJsonAsync("/api/v1/ecrieurs", Text(booking.Id)).ExpectProblemAsync(HttpStatusCode.Forbidden, "booking.forbidden");

        var submitted = await Ticketing.Booker.PostJsonAsync("/api/v1/ecrieurs", Text(booking.Id)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("submitted", submitted.Str("status"));
        var anonymous = Factory.Client();
        Assert.Empty((await anonymous.GetAsync("/api/v1/ecrieurs").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        await Ticketing.Booker.PostAsync($"/api/v1/ecrieurs/{submitted.Str("id")}/publication", null).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await Scenario.Operator.PostAsync($"/api/v1/ecrieurs/{submitted.Str("id")}/publication", null).ExpectAsync(HttpStatusCode.OK);

        var response = await anonymous.GetAsync($"/api/v1/ecrieurs?offerId={offer.Id}");
        var raw = await response.Content.ReadAsStringAsync();
        var published = Assert.Single((await response.ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("Samia", "Le Malade imaginaire"), (published.Str("authorName"), published.Str("offerTitle")));
        foreach (var identifier in new[] { booking.Id.ToString(), booking.BeneficiaryId.ToString(), Scenario.PartnerId, "Kaddour" })
        {
            Assert.DoesNotContain(identifier, raw, StringComparison.OrdinalIgnoreCase);
        }

        // Taken down with a reason: gone from the public list, the structure reads why.
        await Scenario.Operator.PostJsonAsync($"/api/v1/ecrieurs/{submitted.Str("id")}/withdrawal", new { reason = "Retiré à la demande de l'autrice." }).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await anonymous.GetAsync("/api/v1/ecrieurs").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        var own = await Ticketing.Booker.GetAsync("/api/v1/ecrieurs/submissions").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("withdrawn", "Retiré à la demande de l'autrice."), (own.GetProperty("items")[0].Str("status"), own.GetProperty("items")[0].Str("moderationReason")));
        Assert.Empty((await stranger.GetAsync("/api/v1/ecrieurs/submissions").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_rejected_text_says_why_and_cannot_be_published_afterwards()
    {
        var offer = await Ticketing.PublishAsync(10);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Bruno L.");
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 5));
        var submitted = await Ticketing.Booker.PostJsonAsync("/api/v1/ecrieurs", Text(booking.Id, authorName: null)).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/ecrieurs/{submitted.Str("id")}";

        await Scenario.Operator.PostJsonAsync($"{url}/rejection", new { }).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var rejected = await Scenario.Operator.PostJsonAsync($"{url}/rejection", new { reason = "Le texte nomme une autre personne." }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("rejected", "Le texte nomme une autre personne."), (rejected.Str("status"), rejected.Str("moderationReason")));
        await Scenario.Operator.PostAsync($"{url}/publication", null).ExpectProblemAsync(HttpStatusCode.Conflict, "writing.wrong_status");
        var pending = await Scenario.Operator.GetAsync("/api/v1/ecrieurs/submissions?status=rejected").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(pending.GetProperty("items").EnumerateArray());

        // The structure is told why, by letter.
        await Factory.RunJobAsync("outbox");
        var notices = await Ticketing.NoticesAsync();
        Assert.Contains(notices, n => n.Kind == "ecrieurs-rejected" && n.Subject == "Les écrieurs : texte non publié");
    }
}
