using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

internal static partial class ScaleScenario
{
    /// <summary>
    /// Every read route of the OpenAPI document that has rows to read here (first page and, for lists long enough, a page
    /// 20 pages of 200 in), the reports, a booking, a cancellation that promotes the first waiting, and the sweeps.
    /// Not timed, having nothing to read in this data: amendments' documents, donation receipts, webhooks and their
    /// deliveries, logos, a venue's internal rules.
    /// </summary>
    private static async Task MeasureAsync(HttpClient http, Templates t, List<(string Measure, string Value)> rows)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var season = today.Month >= 9 ? $"{today.Year}-{today.Year + 1}" : $"{today.Year - 1}-{today.Year}";
        var link = JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/conventions/{t.Convention}/document-link")).RootElement.GetProperty("url").GetString()!;
        var token = link[(link.LastIndexOf('/') + 1)..];
        var (ruche, rucheKey) = (t.Ruche, t.Ruche.OperatorKey);
        // A beneficiary of the real structure among the clones (ten bookings), a cloned session (a hundred bookings).
        const string Beneficiary = "0b000000-0000-4000-8000-000000001000";
        const string Session = "05000000-0000-4000-8000-000000000001";
        var routes = new List<(string Route, string? Key, string Url)>
        {
            ("GET /programs", AdminKey, "/api/v1/programs?limit=50"),
            ("GET /convention-templates", AdminKey, "/api/v1/convention-templates?limit=50"),
            ("GET /organizations", AdminKey, "/api/v1/organizations?limit=50"),
            ("GET /organizations?kind=", AdminKey, "/api/v1/organizations?kind=social-service&limit=50"),
            ("GET /organizations/{id}", AdminKey, $"/api/v1/organizations/{t.Partner}"),
            ("GET /organizations/{id}/credentials", t.OperatorKey, $"/api/v1/organizations/{t.Partner}/credentials?limit=50"),
            ("GET /platform/credentials", AdminKey, "/api/v1/platform/credentials?limit=50"),
            ("GET /organizations/{id}/donations", t.OperatorKey, $"/api/v1/organizations/{t.Partner}/donations?limit=50"),
            ("GET /organizations/{id}/dashboard", t.OperatorKey, $"/api/v1/organizations/{t.Partner}/dashboard"),
            ("GET /directory", AdminKey, "/api/v1/directory?limit=50"),
            ("GET /directory/partners", AdminKey, "/api/v1/directory/partners?limit=50"),
            ("GET /personal-data-access", AdminKey, "/api/v1/personal-data-access?limit=50"),
            ("GET /beneficiaries (a structure's booker)", t.BookerKey, "/api/v1/beneficiaries?limit=50"),
            ("GET /beneficiaries/{id}/export", t.BookerKey, $"/api/v1/beneficiaries/{Beneficiary}/export"),
            ("GET /bookings (a structure's booker)", t.BookerKey, "/api/v1/bookings?limit=50"),
            ("GET /bookings?order=updated (a structure's booker)", t.BookerKey, "/api/v1/bookings?limit=50&order=updated"),
            ("GET /bookings?status=confirmed (a structure's booker)", t.BookerKey, "/api/v1/bookings?status=confirmed&limit=50"),
            ("GET /bookings?sessionId= (a structure's booker)", t.BookerKey, $"/api/v1/bookings?sessionId={t.Session}&limit=50"),
            ("GET /bookings/{id}", t.BookerKey, $"/api/v1/bookings/{t.Booking}"),
            ("GET /invitations/{id}/document", t.BookerKey, $"/api/v1/invitations/{t.BeneficiaryInvitation}/document"),
            ("GET /sessions/{id}/check-ins (100 bookings)", t.OperatorKey, $"/api/v1/sessions/{Session}/check-ins"),
            ("GET /offers", t.BookerKey, "/api/v1/offers?limit=50"),
            ("GET /offers?category=&city=", t.BookerKey, "/api/v1/offers?category=show&city=Lyon&limit=50"),
            ("GET /offers/{id}", t.BookerKey, $"/api/v1/offers/{t.Offer}"),
            ("GET /ecrieurs (anonymous)", null, "/api/v1/ecrieurs?limit=50"),
            ("GET /ecrieurs/submissions", t.OperatorKey, "/api/v1/ecrieurs/submissions?limit=50"),
            ("GET /season-events", t.OperatorKey, "/api/v1/season-events?limit=50"),
            ("GET /notices (platform)", AdminKey, "/api/v1/notices?limit=50"),
            ("GET /notices?organizationId= (platform)", AdminKey, $"/api/v1/notices?organizationId={t.Partner}&limit=50"),
            ("GET /notices (a structure's booker)", t.BookerKey, "/api/v1/notices?limit=50"),
            ("GET /notices?conventionId=", AdminKey, $"/api/v1/notices?conventionId={t.Convention}&limit=50"),
            ("GET /notices?disputeId=", AdminKey, $"/api/v1/notices?disputeId={t.Dispute}&limit=50"),
            ("GET /notices/{id}", AdminKey, $"/api/v1/notices/{t.Notice}"),
            ("GET /notices/{id}/document", AdminKey, $"/api/v1/notices/{t.Notice}/document"),
            ("GET /conventions (platform)", AdminKey, "/api/v1/conventions?limit=50"),
            ("GET /conventions?status=active (platform)", AdminKey, "/api/v1/conventions?status=active&limit=50"),
            ("GET /conventions?organizationId= (platform)", AdminKey, $"/api/v1/conventions?organizationId={t.Partner}&limit=50"),
            ("GET /conventions (the operator)", t.OperatorKey, "/api/v1/conventions?limit=50"),
            ("GET /conventions/{id}", AdminKey, $"/api/v1/conventions/{t.Convention}"),
            ("GET /conventions/{id}/amendments", AdminKey, $"/api/v1/conventions/{t.Convention}/amendments?limit=50"),
            ("GET /conventions/{id}/document", AdminKey, $"/api/v1/conventions/{t.Convention}/document"),
            ("GET /conventions/{id}/evidence", AdminKey, $"/api/v1/conventions/{t.Convention}/evidence"),
            ("GET /conventions/{id}/document-link", AdminKey, $"/api/v1/conventions/{t.Convention}/document-link"),
            ("GET /document-links/{token} (anonymous)", null, $"/api/v1/document-links/{token}"),
            ("GET /disputes (platform)", AdminKey, "/api/v1/disputes?limit=50"),
            ("GET /disputes (the operator)", rucheKey, "/api/v1/disputes?limit=50"),
            ("GET /disputes?order=updated (the operator)", rucheKey, "/api/v1/disputes?order=updated&limit=50"),
            ("GET /disputes?conventionId=", AdminKey, $"/api/v1/disputes?conventionId={ruche.Convention}&limit=50"),
            ("GET /disputes/{id}", AdminKey, $"/api/v1/disputes/{t.Dispute}"),
            ("GET /calendar/deadline", AdminKey, $"/api/v1/calendar/deadline?from={Day(today)}&period=P15D"),
            ("GET /calendar/holidays", AdminKey, $"/api/v1/calendar/holidays?year={today.Year + 1}"),
            ("GET /venues/{id}", rucheKey, $"/api/v1/venues/{ruche.Venue}"),
            ("GET /venues/{id}/calendar, a month", rucheKey, $"/api/v1/venues/{ruche.Venue}/calendar?from={Day(today.AddMonths(-1))}&to={Day(today)}&limit=50"),
            ("GET /venues/{id}/calendar, a year", rucheKey, $"/api/v1/venues/{ruche.Venue}/calendar?from={Day(today.AddYears(-1))}&to={Day(today)}&limit=50"),
            ("GET /venues/{id}/calendar, a month, whole (not paged)", rucheKey, $"/api/v1/venues/{ruche.Venue}/calendar?from={Day(today.AddMonths(-1))}&to={Day(today)}"),
            ("GET /venues/{id}/calendar, a year, whole (not paged)", rucheKey, $"/api/v1/venues/{ruche.Venue}/calendar?from={Day(today.AddYears(-1))}&to={Day(today)}"),
            ("GET /venues/{id}/statistics", rucheKey, $"/api/v1/venues/{ruche.Venue}/statistics?year={today.Year}"),
            ("GET /appointments/{id}/export", ruche.PartnerKey, $"/api/v1/appointments/{ruche.Appointment}/export"),
            ("GET /reports/unused-invitations", t.OperatorKey, "/api/v1/reports/unused-invitations"),
            ($"GET /programs/culture-pour-tous/reports/{season}", t.OperatorKey, $"/api/v1/programs/culture-pour-tous/reports/{season}"),
            ($"GET /programs/culture-pour-tous/reports/{season}?format=html", t.OperatorKey, $"/api/v1/programs/culture-pour-tous/reports/{season}?format=html"),
            ($"GET /programs/ruche-numerique/reports/{today.Year}", rucheKey, $"/api/v1/programs/ruche-numerique/reports/{today.Year}"),
            ("GET /webhooks", AdminKey, "/api/v1/webhooks?limit=50"),
        };
        var build = Stopwatch.GetTimestamp();
        await PostRaw(http, AdminKey, "/api/v1/admin/jobs/seat-figures/run", new { });
        rows.Add(("`seat-figures`, first run: every seat figure computed from the bookings", $"{Stopwatch.GetElapsedTime(build).TotalMilliseconds:F0} ms"));
        foreach (var (route, key, url) in routes)
        {
            var (status, p50, p99) = await TimeAsync(http, key, url, 60);
            var paged = url.Contains("limit=", StringComparison.Ordinal);
            rows.Add((paged ? $"{route}, first page" : route, status == 200 ? $"{p50:F1} / {p99:F1} ms" : $"answered {status}"));
            if (status == 200 && paged && key is not null && await DeepAsync(http, key, url) is { } deep)
            {
                var (deepStatus, d50, d99) = await TimeAsync(http, key, deep, 60);
                rows.Add(($"{route}, 20 pages of 200 in", deepStatus == 200 ? $"{d50:F1} / {d99:F1} ms" : $"answered {deepStatus}"));
            }
        }
        await WritesAsync(http, t, rows);
        foreach (var job in new[] { "deadlines", "renewals", "notices", "outbox", "seat-figures" })
        {
            var started = Stopwatch.GetTimestamp();
            await PostRaw(http, AdminKey, $"/api/v1/admin/jobs/{job}/run", new { });
            rows.Add(($"`{job}` sweep", $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));
        }
    }

    /// <summary>
    /// Sixty bookings, one at a time, of sixty people on a session of sixty seats; sixty more go on its waiting list; then
    /// the sixty confirmed are cancelled one at a time, each cancellation promoting the first waiting.
    /// </summary>
    private static async Task WritesAsync(HttpClient http, Templates t, List<(string Measure, string Value)> rows)
    {
        const int Seats = 60;
        var offer = JsonDocument.Parse(await PostRaw(http, t.OperatorKey, "/api/v1/offers", new
        {
            publisherOrganizationId = t.Publisher, title = "Complet", category = "show", venueName = "Théâtre", city = "Lyon", description = "Liste d'attente",
            sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(22), seats = Seats } },
        })).RootElement;
        var session = offer.GetProperty("sessions")[0].GetProperty("id").GetString()!;
        var people = new List<string>();
        for (var i = 0; i < 2 * Seats; i++)
        {
            people.Add(await Post(http, t.BookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne en attente {i}" }, "id"));
        }
        async Task<(string Id, string Status, double Ms)> Book(string person)
        {
            var started = Stopwatch.GetTimestamp();
            var booking = JsonDocument.Parse(await PostRaw(http, t.BookerKey, "/api/v1/bookings", new { sessionId = session, beneficiaryId = person })).RootElement;
            return (booking.GetProperty("id").GetString()!, booking.GetProperty("status").GetString()!, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var confirmed = new List<(string Id, string Status, double Ms)>();
        foreach (var person in people.Take(Seats))
        {
            confirmed.Add(await Book(person));
        }
        var waiting = new List<(string Id, string Status, double Ms)>();
        foreach (var person in people.Skip(Seats))
        {
            waiting.Add(await Book(person));
        }
        var cancellations = new List<double>();
        foreach (var (id, _, _) in confirmed)
        {
            var started = Stopwatch.GetTimestamp();
            await PostRaw(http, t.BookerKey, $"/api/v1/bookings/{id}/cancel", new { });
            cancellations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var promoted = 0;
        foreach (var (id, _, _) in waiting)
        {
            promoted += JsonDocument.Parse(await Get(http, t.BookerKey, $"/api/v1/bookings/{id}")).RootElement.GetProperty("status").GetString() == "confirmed" ? 1 : 0;
        }
        string Figures(IEnumerable<double> ms)
        {
            var sorted = ms.Order().ToList();
            return $"{sorted[sorted.Count / 2]:F1} / {sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1]:F1} ms";
        }
        rows.Add(($"POST /bookings, one at a time ({confirmed.Count(b => b.Status == "confirmed")} confirmed of {Seats})", Figures(confirmed.Select(b => b.Ms))));
        rows.Add(($"POST /bookings onto the waiting list ({waiting.Count(b => b.Status == "waitlisted")} waiting of {Seats})", Figures(waiting.Select(b => b.Ms))));
        rows.Add(($"POST /bookings/{{id}}/cancel, promoting the first waiting ({promoted} of {Seats} promoted)", Figures(cancellations)));
    }

    /// <summary>The page 20 pages of 200 into a list (its <c>next</c> cursor followed), or null when the list is shorter.</summary>
    private static async Task<string?> DeepAsync(HttpClient http, string key, string url)
    {
        var path = url.Replace("limit=50", "limit=200", StringComparison.Ordinal);
        for (var page = 0; page < 20; page++)
        {
            var root = JsonDocument.Parse(await Get(http, key, path)).RootElement;
            if (!root.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            path = $"{url.Replace("limit=50", "limit=200", StringComparison.Ordinal)}&cursor={Uri.EscapeDataString(next.GetString()!)}";
        }
        return path;
    }

    /// <summary>
    /// p50 and p99 of <paramref name="times"/> reads after 5 unmeasured ones; a route whose warm-up read took over a
    /// second (a report over the whole data) is read 10 times, its p99 then being the slowest of them.
    /// </summary>
    private static async Task<(int Status, double P50, double P99)> TimeAsync(HttpClient http, string? key, string url, int times)
    {
        var samples = new List<double>();
        var status = 0;
        for (var i = 0; i < times + 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i == 0 && elapsed > 1_000)
            {
                times = Math.Min(times, 10);
            }
            if (i >= 5)
            {
                samples.Add(elapsed);
            }
        }
        samples.Sort();
        return (status, samples[samples.Count / 2], samples[(int)Math.Ceiling(0.99 * samples.Count) - 1]);
    }
}
