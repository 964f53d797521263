using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>GET /invitations/{id}/document</c>, the counter-mark: its code, and every typed value escaped (with the convention's document).</summary>
public sealed class GetCounterMarkTests : TicketingTest
{
    /// <summary>Markup, template syntax, path traversal and quotes, as a hostile or careless user would type them.</summary>
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> {{ 7 * 7 }} {% raw %} ../../etc/passwd \"&amp;";

    [Fact]
    public async Task A_counter_mark_shows_its_code_and_says_it_cannot_be_handed_on()
    {
        var offer = await Ticketing.PublishAsync(10);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Samia K.", guests: 1);

        var document = await Ticketing.Booker.GetStringAsync($"/api/v1/invitations/{booking.Invitations[0].Id}/document");

        Assert.Contains(booking.Invitations[0].Code, document, StringComparison.Ordinal);
        Assert.Contains("ne peut être cédée", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_values_come_back_escaped_and_inert_in_rendered_documents()
    {
        // A counter-mark: the beneficiary's and a guest's names, the offer's title and venue.
        var offer = await Ticketing.PublishAsync(5, title: Hostile, venue: Hostile);
        var beneficiary = await Ticketing.BeneficiaryAsync(Hostile);
        var booking = await Ticketing.Booker.PostJsonAsync("/api/v1/bookings", new
        {
            sessionId = offer.Session.Id, beneficiaryId = beneficiary, guests = new[] { new { fullName = Hostile, relation = "friend" } },
        }).ExpectAsync<BookingView>(HttpStatusCode.Created);
        foreach (var invitation in booking.Invitations)
        {
            AssertEscaped(await Ticketing.Booker.GetStringAsync($"/api/v1/invitations/{invitation.Id}/document"));
        }

        // A convention: the partner's name and its signatory's, in the draft and in the printed original.
        var scenario = await ConventionScenario.CultureAsync(Factory, partnerName: Hostile);
        var draft = await scenario.Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = scenario.OperatorId, partnerOrganizationId = scenario.PartnerId,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = Hostile,
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" },
            partnerSignatory = new { fullName = Hostile, title = Hostile },
        }).ExpectAsync(HttpStatusCode.Created);
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
}
