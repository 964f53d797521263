using System.Net;
using System.Text;
using System.Text.Json;
using Conventions.BuildingBlocks.Web;
using Conventions.Testing;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Bookings;

/// <summary><c>Idempotency-Key</c> (ADR 0014): a retried POST is answered again, not done again.</summary>
public sealed class RetryWithIdempotencyKeyTests : TicketingTest
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<(T Body, bool Replayed)> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";
        return (JsonSerializer.Deserialize<T>(text, JsonDefaults.Options)!, replayed);
    }

    [Fact]
    public async Task A_booking_retried_with_its_key_is_answered_again_and_booked_once()
    {
        var offer = await Ticketing.PublishAsync(4);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var body = TicketingDriver.Booking(offer.Session.Id, beneficiary, guests: 1);
        var key = Guid.NewGuid().ToString();

        var (first, firstReplayed) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created);
        var (second, secondReplayed) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created);
        var (third, _) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created);

        Assert.Equal((false, true), (firstReplayed, secondReplayed));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Invitations.Select(i => i.Code), third.Invitations.Select(i => i.Code));
        Assert.Equal(2, await Ticketing.SeatsLeftAsync(offer.Id));
        Assert.Equal(1, (await Ticketing.Booker.GetAsync("/api/v1/bookings").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK)).Total);

        // The same key for another request is refused; another structure's key of the same value is its own.
        var other = TicketingDriver.Booking(offer.Session.Id, beneficiary);
        await (await PostAsync(Ticketing.Booker, "/api/v1/bookings", other, key)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        var (_, secondBookerKey) = await Scenario.Operator.IssueKeyAsync(Scenario.PartnerId, "booker", "2029-11-01");
        var (fromAnotherKey, anotherReplayed) = await ReadAsync<BookingView>(await PostAsync(Factory.Client(secondBookerKey), "/api/v1/bookings", body, key), HttpStatusCode.Created);
        Assert.False(anotherReplayed);
        Assert.NotEqual(first.Id, fromAnotherKey.Id);
    }

    [Fact]
    public async Task A_cancellation_retried_is_answered_as_the_first_time_and_a_registration_is_not_doubled()
    {
        var key = Guid.NewGuid().ToString();
        var (registered, _) = await ReadAsync<BeneficiaryView>(await PostAsync(Ticketing.Booker, "/api/v1/beneficiaries", new { displayName = "Jean-Marc P." }, key), HttpStatusCode.Created);
        var (again, replayed) = await ReadAsync<BeneficiaryView>(await PostAsync(Ticketing.Booker, "/api/v1/beneficiaries", new { displayName = "Jean-Marc P." }, key), HttpStatusCode.Created);
        Assert.Equal((registered.Id, true), (again.Id, replayed));
        Assert.Equal(1, (await Ticketing.Booker.GetAsync("/api/v1/beneficiaries").ExpectAsync<PageView<BeneficiaryView>>(HttpStatusCode.OK)).Total);

        // A transactional command: the retry gets the 200 of the first cancellation, not 409 already_cancelled.
        var offer = await Ticketing.PublishAsync(2);
        var booking = await Ticketing.BookAsync(offer.Session.Id, registered.Id);
        var cancelKey = Guid.NewGuid().ToString();
        var (cancelled, _) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, $"/api/v1/bookings/{booking.Id}/cancel", null, cancelKey), HttpStatusCode.OK);
        var (retried, retriedReplayed) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, $"/api/v1/bookings/{booking.Id}/cancel", null, cancelKey), HttpStatusCode.OK);
        Assert.Equal(("cancelled", "cancelled", true), (cancelled.Status, retried.Status, retriedReplayed));
        Assert.Equal(2, await Ticketing.SeatsLeftAsync(offer.Id));
    }

    [Fact]
    public async Task A_key_is_remembered_24_hours_then_forgotten_when_reused_or_by_the_expiry_job()
    {
        var offer = await Ticketing.PublishAsync(5);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var body = TicketingDriver.Booking(offer.Session.Id, beneficiary);
        var key = Guid.NewGuid().ToString();
        var (first, _) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created);
        await ReadAsync<BeneficiaryView>(await PostAsync(Ticketing.Booker, "/api/v1/beneficiaries", new { displayName = "Inès B." }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        Factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await Factory.RunJobAsync("idempotency"));
        Assert.Equal(first.Id, (await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created)).Body.Id);

        // Past 24 hours, before the job sweeps it: the key starts afresh, and the booking's new answer (written by the
        // group commit) does not meet the old one.
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var (later, replayed) = await ReadAsync<BookingView>(await PostAsync(Ticketing.Booker, "/api/v1/bookings", body, key), HttpStatusCode.Created);
        Assert.False(replayed);
        Assert.NotEqual(first.Id, later.Id);
        // The job forgets what is left: the registration's answer (the Ticketing module's table holds both kinds).
        Assert.Equal(1, await Factory.RunJobAsync("idempotency"));
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345")]
    [InlineData("clé avec accents")]
    [InlineData("with space")]
    public async Task A_malformed_key_is_refused_before_anything_is_done(string key)
    {
        var problem = await (await PostAsync(Ticketing.Booker, "/api/v1/beneficiaries", new { displayName = "Personne" }, key))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0, (await Ticketing.Booker.GetAsync("/api/v1/beneficiaries").ExpectAsync<PageView<BeneficiaryView>>(HttpStatusCode.OK)).Total);
    }
}
