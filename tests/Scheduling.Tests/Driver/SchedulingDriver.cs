using System.Net;
using Conventions.Testing;

namespace Scheduling.Tests.Driver;

/// <summary>
/// The Ruche Numérique premises as their users call them: the operator runs the venue and its rooms, the partner
/// (an association under a signed premises convention) declares permanences, takes appointments, cancels. Each method
/// asserts the expected status and returns the typed answer; the <c>*Call</c> methods return the response itself.
/// </summary>
public sealed class SchedulingDriver(ConventionScenario scenario, Guid conventionId, Guid venueId, Guid office, Guid room)
{
    public Guid ConventionId { get; } = conventionId;

    public Guid VenueId { get; } = venueId;

    /// <summary>The office (3 places) where permanences are held.</summary>
    public Guid Office { get; } = office;

    /// <summary>The workshop room (12 places).</summary>
    public Guid Room { get; } = room;

    public HttpClient Operator => scenario.Operator;

    public HttpClient Partner => scenario.Partner;

    /// <summary>The body of <c>POST /permanences</c>: spring semester 2027, residence permits, by default Thursdays 14:00–17:00 in the office.</summary>
    public object Permanence(Guid? roomId = null, string day = "thursday", string start = "14:00", string end = "17:00", int capacity = 2, Guid? conventionId = null) => new
    {
        conventionId = conventionId ?? ConventionId,
        roomId = roomId ?? Office,
        semester = "2027-S1",
        dayOfWeek = day,
        startTime = start,
        endTime = end,
        activity = "residence-permit",
        intervenant = "Conseiller numérique de l'association",
        capacity,
    };

    public Task<HttpResponseMessage> DeclareCall(object permanence, HttpClient? client = null) => (client ?? Partner).PostJsonAsync("/api/v1/permanences", permanence);

    /// <summary>The partner proposes the permanence and the venue's operator approves it: its occurrences then exist (issue 18).</summary>
    public async Task<PermanenceView> DeclareAsync(object? permanence = null)
    {
        var proposed = await DeclareCall(permanence ?? Permanence()).ExpectAsync<PermanenceView>(HttpStatusCode.Created);
        Assert.Equal(("proposed", 0), (proposed.Status, proposed.Occurrences.Count));
        return await Operator.PostAsync($"/api/v1/permanences/{proposed.Id}/approval", null).ExpectAsync<PermanenceView>(HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> ReserveCall(Guid roomId, string startsAt, string endsAt, string purpose = "Rendez-vous retraite") =>
        Partner.PostJsonAsync($"/api/v1/rooms/{roomId}/reservations", new { conventionId = ConventionId, startsAt, endsAt, purpose });

    public static object Person(string name, string? email = null) =>
        new { personName = name, topic = "Titre de séjour", referredByVenue = true, email = email ?? $"{name.ToLowerInvariant()}@example.org" };

    public Task<HttpResponseMessage> AppointmentCall(Guid occurrenceId, object person, HttpClient? client = null) =>
        (client ?? Partner).PostJsonAsync($"/api/v1/occurrences/{occurrenceId}/appointments", person);

    public Task<HttpResponseMessage> CancelCall(Guid occurrenceId, string reason) =>
        Partner.PostJsonAsync($"/api/v1/occurrences/{occurrenceId}/cancel", new { reason });

    public Task<ClosureResultView> CloseAsync(string from, string to, string reason) =>
        Operator.PostJsonAsync($"/api/v1/venues/{VenueId}/closures", new { from, to, reason }).ExpectAsync<ClosureResultView>(HttpStatusCode.Created);

    public Task<PageView<OccurrenceView>> CalendarAsync(string from, string to) =>
        Operator.GetAsync($"/api/v1/venues/{VenueId}/calendar?from={from}&to={to}").ExpectAsync<PageView<OccurrenceView>>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> VisitsCall(string on, string category, int count, HttpClient? client = null) =>
        (client ?? Operator).PostJsonAsync($"/api/v1/venues/{VenueId}/visits", new { on, category, count });
}
