using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>GET /beneficiaries</c>, <c>GET /bookings[/{id}]</c>, the invitation document: a structure's own only.</summary>
public sealed class BookingAccessTests : TicketingTest
{
    [Fact]
    public async Task Beneficiaries_and_bookings_are_never_visible_to_another_organization()
    {
        var offer = await Ticketing.PublishAsync(5);
        var beneficiary = await Ticketing.BeneficiaryAsync("Personne accompagnée");
        var booking = await Ticketing.BookAsync(offer.Session.Id, beneficiary);
        var stranger = await StrangerAsync("Autre structure sociale");

        Assert.Equal(0, (await stranger.GetAsync("/api/v1/beneficiaries").ExpectAsync<PageView<BeneficiaryView>>(HttpStatusCode.OK)).Total);
        Assert.Equal(0, (await stranger.GetAsync("/api/v1/bookings").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK)).Total);
        await stranger.GetAsync($"/api/v1/bookings/{booking.Id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "booking.forbidden");
        await stranger.GetAsync($"/api/v1/invitations/{booking.Invitations[0].Id}/document").ExpectProblemAsync(HttpStatusCode.Forbidden, "booking.forbidden");
        // Booking someone else's beneficiary: refused, nothing disclosed.
        await Ticketing.BookCall(offer.Session.Id, beneficiary, booker: stranger).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
        await Scenario.Operator.GetAsync($"/api/v1/bookings/{booking.Id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        Assert.DoesNotContain("Personne accompagnée", await Factory.Client().GetStringAsync("/api/v1/directory"), StringComparison.Ordinal);
    }
}
