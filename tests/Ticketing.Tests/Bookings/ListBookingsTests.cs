using System.Net;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>GET /bookings</c> by pages: a cursor, a <c>Link</c> to the next page, stable while bookings are added.</summary>
public sealed class ListBookingsTests : TicketingTest
{
    private async Task<(PageView<BookingView> Page, string? Link)> PageAsync(string url)
    {
        var response = await Ticketing.Booker.GetAsync(url);
        var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
        return (await Task.FromResult(response).ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK), link);
    }

    [Fact]
    public async Task Bookings_come_page_by_page_in_order_and_a_booking_added_meanwhile_neither_repeats_nor_hides_one()
    {
        var offer = await Ticketing.PublishAsync(20);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var booked = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            booked.Add((await Ticketing.BookAsync(offer.Session.Id, beneficiary)).Id);
        }

        var (first, link) = await PageAsync($"/api/v1/bookings?sessionId={offer.Session.Id}&limit=3");
        Assert.Equal((3, 7), (first.Items.Count, first.Total));
        Assert.NotNull(first.Next);
        Assert.Equal($"</api/v1/bookings?sessionId={offer.Session.Id}&limit=3&cursor={first.Next}>; rel=\"next\"", link);

        // A booking made between two pages takes its place in the order; the pages after the cursor show it only if it
        // sorts after the cursor, and none of the others moves, repeats or goes missing.
        var late = (await Ticketing.BookAsync(offer.Session.Id, beneficiary)).Id;
        var rest = new List<BookingView>();
        for (var cursor = first.Next; cursor is not null;)
        {
            var (page, _) = await PageAsync($"/api/v1/bookings?sessionId={offer.Session.Id}&limit=3&cursor={cursor}");
            // The listing's total, counted for its first page and carried by the cursor (ADR 0015, issue 17).
            Assert.Equal(7, page.Total);
            rest.AddRange(page.Items);
            cursor = page.Next;
        }
        var seen = first.Items.Concat(rest).Select(b => b.Id).ToList();
        var (again, _) = await PageAsync($"/api/v1/bookings?sessionId={offer.Session.Id}&limit=3");
        Assert.Equal(8, again.Total);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(booked.Order(), seen.Where(id => id != late).Order());
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(late.CompareTo(first.Items[^1].Id) > 0, seen.Contains(late));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=dix", "limit")]
    [InlineData("cursor=pas-un-curseur", "cursor")]
    public async Task A_malformed_page_request_is_refused_naming_the_parameter(string query, string field)
    {
        var problem = await Ticketing.Booker.GetAsync($"/api/v1/bookings?{query}").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
