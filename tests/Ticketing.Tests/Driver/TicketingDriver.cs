using System.Net;
using Conventions.Testing;

namespace Ticketing.Tests.Driver;

/// <summary>
/// The Billetterie solidaire as its users call it: a cultural partner publishes, a social partner's booker registers
/// beneficiaries and books. Each method asserts the expected status and returns the typed answer; the <c>*Call</c>
/// methods return the response itself, for the tests of refusals.
/// </summary>
public sealed class TicketingDriver(HttpClient booker, HttpClient publisher, Guid publisherId)
{
    public HttpClient Booker { get; } = booker;

    public HttpClient Publisher { get; } = publisher;

    public Guid PublisherId { get; } = publisherId;

    /// <summary>An offer of one session, published by the cultural partner.</summary>
    public Task<OfferView> PublishAsync(int seats, string startsAt = "2026-12-04T20:30:00+01:00", string title = "Le Malade imaginaire", string venue = "Théâtre du Confluent") =>
        Publisher.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = PublisherId, title, category = "show", venueName = venue, city = "Lyon",
            description = "Comédie-ballet de Molière.", sessions = new[] { new { startsAt, seats } },
        }).ExpectAsync<OfferView>(HttpStatusCode.Created);

    public Task<OfferView> OfferAsync(Guid offerId) => Booker.GetAsync($"/api/v1/offers/{offerId}").ExpectAsync<OfferView>(HttpStatusCode.OK);

    public async Task<int> SeatsLeftAsync(Guid offerId) => (await OfferAsync(offerId)).Session.SeatsLeft;

    public async Task<Guid> BeneficiaryAsync(string name, HttpClient? booker = null) =>
        (await (booker ?? Booker).PostJsonAsync("/api/v1/beneficiaries", new { displayName = name }).ExpectAsync<BeneficiaryView>(HttpStatusCode.Created)).Id;

    /// <summary>The body of <c>POST /bookings</c>: the beneficiary with numbered guests (family) and companions (professional).</summary>
    public static object Booking(Guid sessionId, Guid beneficiaryId, int guests = 0, int companions = 0) => new
    {
        sessionId,
        beneficiaryId,
        guests = Enumerable.Range(1, guests).Select(i => new { fullName = $"Invité {i}", relation = "family" }).ToArray(),
        companions = Enumerable.Range(1, companions).Select(i => new { fullName = $"Accompagnant {i}", kind = "professional", reason = "Présence souhaitée par l'Actionneur" }).ToArray(),
    };

    public Task<HttpResponseMessage> BookCall(Guid sessionId, Guid beneficiaryId, int guests = 0, int companions = 0, HttpClient? booker = null) =>
        (booker ?? Booker).PostJsonAsync("/api/v1/bookings", Booking(sessionId, beneficiaryId, guests, companions));

    public Task<BookingView> BookAsync(Guid sessionId, Guid beneficiaryId, int guests = 0, int companions = 0) =>
        BookCall(sessionId, beneficiaryId, guests, companions).ExpectAsync<BookingView>(HttpStatusCode.Created);

    /// <summary>A new beneficiary, booked alone or with guests.</summary>
    public async Task<BookingView> BookSomeoneAsync(Guid sessionId, string name, int guests = 0, int companions = 0) =>
        await BookAsync(sessionId, await BeneficiaryAsync(name), guests, companions);

    public Task<BookingView> BookingAsync(Guid bookingId) => Booker.GetAsync($"/api/v1/bookings/{bookingId}").ExpectAsync<BookingView>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> CancelCall(Guid bookingId) => Booker.PostAsync($"/api/v1/bookings/{bookingId}/cancel", null);

    public Task<BookingView> CancelAsync(Guid bookingId) => CancelCall(bookingId).ExpectAsync<BookingView>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> CancelInvitationCall(Guid bookingId, Guid invitationId) =>
        Booker.PostAsync($"/api/v1/bookings/{bookingId}/invitations/{invitationId}/cancel", null);

    public Task<HttpResponseMessage> AttendanceCall(Guid bookingId, IEnumerable<(Guid Invitation, bool Attended)> entries, string? comment = null) =>
        Booker.PostJsonAsync($"/api/v1/bookings/{bookingId}/attendance", new
        {
            invitations = entries.Select(e => new { invitationId = e.Invitation, attended = e.Attended }).ToArray(),
            comment,
        });

    public Task<SessionView> CancelSessionAsync(OfferView offer, string reason) =>
        Publisher.PostJsonAsync($"/api/v1/offers/{offer.Id}/sessions/{offer.Session.Id}/cancel", new { reason }).ExpectAsync<SessionView>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> ChangeSessionCall(OfferView offer, object change) =>
        Publisher.PatchJsonAsync($"/api/v1/offers/{offer.Id}/sessions/{offer.Session.Id}", change);

    /// <summary>The notices the booker's organization received (after the outbox job ran).</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync() =>
        (await Booker.GetAsync("/api/v1/notices").ExpectAsync<PageView<NoticeView>>(HttpStatusCode.OK)).Items;
}
