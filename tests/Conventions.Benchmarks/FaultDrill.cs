using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>
/// Fault drills against the real host process (Release build, a SQLite file), run by tests/faults.sh and CI:
/// <list type="number">
/// <item>kill -9 the host in the middle of a booking load, restart it on the same file, and check that every booking
/// answered 201 exists as answered, that seats left plus valid seated invitations equal the seats of every session, and
/// that the outbox still delivers;</item>
/// <item>kill the host with dispute deadlines pending, restart it (clock shifted past the due dates), again later, and
/// check that each transition and each notice happened exactly once.</item>
/// </list>
/// Exit code 0 when every check holds; each failed check is printed.
/// </summary>
internal static partial class FaultDrill
{
    private const string AdminKey = "fault-drill-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRoot();
        if (!args.Contains("--no-build"))
        {
            Console.WriteLine("Building the host (Release)…");
            await LoadDriver.RunAsync("dotnet", $"build \"{Path.Combine(root, "src", "Host")}\" -c Release -v q -nologo", root);
        }
        var hostDll = Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Conventions.Host.dll");
        var failures = new List<string>();
        // "--only=N" runs one drill.
        var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?["--only=".Length..];
        if (only is null or "1")
        {
            await BookingsSurviveAKillAsync(hostDll, failures);
        }
        if (only is null or "2")
        {
            await DeadlinesApplyOnceAcrossRestartsAsync(hostDll, failures);
        }
        if (only is null or "3")
        {
            await BackupUnderLoadRestoresAsync(hostDll, failures);
        }
        if (only is null or "4")
        {
            await WebhooksSurviveAKillAsync(hostDll, failures);
        }
        if (only is null or "5")
        {
            await SeveralHostsOnOneDatabaseAsync(hostDll, failures);
        }
        Console.WriteLine();
        foreach (var failure in failures)
        {
            Console.WriteLine($"FAILED: {failure}");
        }
        Console.WriteLine(failures.Count == 0 ? "Fault drills: every check held." : $"Fault drills: {failures.Count} check(s) failed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task BookingsSurviveAKillAsync(string hostDll, List<string> failures)
    {
        Console.WriteLine("Drill 1: kill -9 during a booking load.");
        var data = NewDataDirectory();
        string bookerKey, offerId, partnerId;
        List<string> sessions, beneficiaries;
        var answered = new ConcurrentDictionary<string, string>();
        // Each booking carries an Idempotency-Key: the requests cut off by the kill are retried after the restart.
        var answeredKeys = new ConcurrentDictionary<string, (string Id, string Body)>();
        var cutOff = new ConcurrentDictionary<string, string>();
        var inFlightLost = 0;
        var seats = new Dictionary<string, int>();
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey))
        {
            var http = host.Http;
            var (operatorKey, @operator, partner) = await PartiesAsync(http, "Structure sociale (drill 1)");
            partnerId = partner;
            await SignedCultureConventionAsync(http, operatorKey, @operator, partner);
            bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "drill" }, "key");
            var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre (drill)", kind = "cultural-institution", address = Address() }, "id");
            var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
            {
                publisherOrganizationId = publisher, title = "Séance très demandée", category = "show", venueName = "Théâtre", city = "Lyon", description = "Drill",
                sessions = new[] { 40, 120, 400 }.Select((n, i) => new { startsAt = DateTimeOffset.UtcNow.AddDays(20 + i), seats = n }).ToArray(),
            })).RootElement;
            offerId = offer.GetProperty("id").GetString()!;
            sessions = [];
            foreach (var session in offer.GetProperty("sessions").EnumerateArray())
            {
                sessions.Add(session.GetProperty("id").GetString()!);
                seats[session.GetProperty("id").GetString()!] = session.GetProperty("seats").GetInt32();
            }
            beneficiaries = [];
            for (var i = 0; i < 40; i++)
            {
                beneficiaries.Add(await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne {i}" }, "id"));
            }

            // Book from 16 clients (parties of 1 to 3) and kill the host while they are at it.
            using var stop = new CancellationTokenSource();
            var next = -1;
            var clients = Enumerable.Range(0, 16).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref next);
                    var guests = Enumerable.Range(0, i % 3).Select(g => new { fullName = $"Invité {i}-{g}", relation = "family" }).ToArray();
                    var body = JsonSerializer.Serialize(new { sessionId = sessions[i % sessions.Count], beneficiaryId = beneficiaries[i % beneficiaries.Count], guests });
                    var key = $"drill-booking-{i}";
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                        request.Headers.Add("X-Api-Key", bookerKey);
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var booking = JsonDocument.Parse(text).RootElement;
                            answered[booking.GetProperty("id").GetString()!] = booking.GetProperty("status").GetString()!;
                            answeredKeys[key] = (booking.GetProperty("id").GetString()!, body);
                        }
                        else
                        {
                            failures.Add($"drill 1: a booking before the kill was answered {(int)response.StatusCode}: {text}");
                            return;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref inFlightLost);
                        cutOff[key] = body;
                        return;
                    }
                }
            }).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));
            host.Kill();
            stop.Cancel();
            await Task.WhenAll(clients);
            Console.WriteLine($"  killed the host with bookings in flight: {answered.Count} answered 201 before the kill, {inFlightLost} requests cut off.");
        }

        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey))
        {
            var http = host.Http;
            var missing = 0;
            foreach (var (id, status) in answered)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/bookings/{id}");
                request.Headers.Add("X-Api-Key", bookerKey);
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(text).RootElement.GetProperty("status").GetString() != status)
                {
                    missing++;
                }
            }
            Check(failures, missing == 0, $"drill 1: {missing} of {answered.Count} bookings answered 201 are missing or changed after the restart");

            // The clients retry what the kill cut off, with the same keys: a booking committed before the kill but never
            // acknowledged is replayed, one never committed is made now; and a retried acknowledged booking is replayed.
            var (replayed, created, duplicated) = (0, 0, 0);
            foreach (var (key, body) in cutOff)
            {
                var (status, id, isReplay) = await RetryAsync(http, bookerKey, key, body);
                Check(failures, status == HttpStatusCode.Created, $"drill 1: the retry of {key} was answered {(int)status}");
                (replayed, created) = isReplay ? (replayed + 1, created) : (replayed, created + 1);
            }
            foreach (var (key, (id, body)) in answeredKeys.Take(25))
            {
                var (_, again, isReplay) = await RetryAsync(http, bookerKey, key, body);
                duplicated += isReplay && again == id ? 0 : 1;
            }
            var stored = 0;
            foreach (var sessionId in sessions)
            {
                stored += JsonDocument.Parse(await Get(http, bookerKey, $"/api/v1/bookings?sessionId={sessionId}")).RootElement.GetProperty("total").GetInt32();
            }
            Console.WriteLine($"  retried with their keys: {cutOff.Count} cut-off requests ({replayed} replayed: committed before the kill; {created} booked now); "
                + $"{Math.Min(25, answeredKeys.Count)} acknowledged ones retried, {duplicated} booked twice; {stored} bookings stored.");
            Check(failures, duplicated == 0, $"drill 1: {duplicated} acknowledged bookings retried with their key were booked again");
            Check(failures, stored == answered.Count + replayed + created,
                $"drill 1: {stored} bookings stored, expected {answered.Count} acknowledged + {replayed} replayed + {created} booked on retry");

            var offer = JsonDocument.Parse(await Get(http, bookerKey, $"/api/v1/offers/{offerId}")).RootElement;
            foreach (var session in offer.GetProperty("sessions").EnumerateArray())
            {
                var sessionId = session.GetProperty("id").GetString()!;
                var seatsLeft = session.GetProperty("seatsLeft").GetInt32();
                // Every booking of the session, page after page (the list gives 200 at most at a time).
                var seated = 0;
                for (var url = $"/api/v1/bookings?sessionId={sessionId}&limit=200"; url is not null;)
                {
                    var list = JsonDocument.Parse(await Get(http, bookerKey, url)).RootElement;
                    seated += list.GetProperty("items").EnumerateArray()
                        .Where(b => b.GetProperty("status").GetString() == "confirmed")
                        .SelectMany(b => b.GetProperty("invitations").EnumerateArray())
                        .Count(i => i.GetProperty("status").GetString() == "valid");
                    url = list.GetProperty("next").GetString() is { } next ? $"/api/v1/bookings?sessionId={sessionId}&limit=200&cursor={next}" : null;
                }
                Console.WriteLine($"  session of {seats[sessionId]} seats: {seatsLeft} left + {seated} valid seated invitations.");
                Check(failures, seatsLeft + seated == seats[sessionId], $"drill 1: session {sessionId}: seats left {seatsLeft} + valid invitations {seated} != seats {seats[sessionId]}");
            }

            // The outbox still delivers: cancelling a session notifies the booking structure through it.
            var before = await DeliveredNoticesAsync(http, partnerId);
            await PostRaw(http, AdminKey, $"/api/v1/offers/{offerId}/sessions/{sessions[0]}/cancel", new { reason = "Annulation (exercice de panne)" });
            var delivered = await WaitForAsync(async () => await DeliveredNoticesAsync(http, partnerId) > before, TimeSpan.FromSeconds(60));
            Check(failures, delivered, "drill 1: after the restart, the session-cancelled notice was not delivered through the outbox within 60 s");
            Console.WriteLine($"  after the restart: {answered.Count - missing} of {answered.Count} answered bookings found as answered; outbox delivered: {delivered}.");
        }
        Cleanup(data);
    }

    /// <summary>A booking request sent again with its Idempotency-Key: the status, the booking's id and whether it was a replay.</summary>
    private static async Task<(HttpStatusCode Status, string? Id, bool Replayed)> RetryAsync(HttpClient http, string bookerKey, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", bookerKey);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var id = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetString() : null;
        return (response.StatusCode, id, response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true");
    }

    private static async Task DeadlinesApplyOnceAcrossRestartsAsync(string hostDll, List<string> failures)
    {
        Console.WriteLine("Drill 2: deadlines pending while the host is down.");
        var data = NewDataDirectory();
        string disputeId, operatorKey, conventionId;
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey))
        {
            var http = host.Http;
            (operatorKey, var @operator, var partner) = await PartiesAsync(http, "Structure sociale (drill 2)");
            conventionId = await SignedCultureConventionAsync(http, operatorKey, @operator, partner);
            var today = ParisToday(TimeSpan.Zero).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            disputeId = await Post(http, operatorKey, "/api/v1/disputes", new
            {
                conventionId, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées (exercice de panne).",
                notice = new { channel = "simple-letter", notifiedOn = today },
            }, "id");
            host.Kill();
            Console.WriteLine($"  dispute notified on {today}, host killed with its deadlines pending.");
        }

        // 20 days later: the explanation deadline (15 days, moved to a working day) has passed; the window is open.
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.FromDays(20), AdminKey))
        {
            var opened = await WaitForAsync(async () => (await DisputeAsync(host.Http, operatorKey, disputeId)).GetProperty("status").GetString() == "termination-window-open", TimeSpan.FromSeconds(60));
            Check(failures, opened, "drill 2: 20 days later, the restarted host did not open the termination window within 60 s");
            await WaitForAsync(async () => await NoticeCountAsync(host.Http, disputeId, "termination-window-opened", delivered: true) >= 2, TimeSpan.FromSeconds(60));
            host.Kill();
        }

        // 40 days later: the window has closed unused; then once more, to see nothing happens twice.
        foreach (var run in new[] { 1, 2 })
        {
            await using var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.FromDays(40), AdminKey);
            var lapsed = await WaitForAsync(async () => (await DisputeAsync(host.Http, operatorKey, disputeId)).GetProperty("status").GetString() == "termination-right-lapsed", TimeSpan.FromSeconds(60));
            Check(failures, lapsed, $"drill 2 (restart {run} at +40 days): the right to terminate did not lapse within 60 s");
            await WaitForAsync(async () => await NoticeCountAsync(host.Http, disputeId, "termination-right-lapsed", delivered: true) >= 2, TimeSpan.FromSeconds(60));
            // Run the sweeps again by hand: a second pass must change nothing.
            await PostRaw(host.Http, AdminKey, "/api/v1/admin/jobs/deadlines/run", new { });
            await PostRaw(host.Http, AdminKey, "/api/v1/admin/jobs/outbox/run", new { });
            await PostRaw(host.Http, AdminKey, "/api/v1/admin/jobs/notices/run", new { });
            var dispute = await DisputeAsync(host.Http, operatorKey, disputeId);
            foreach (var kind in new[] { "termination-window-opened", "termination-right-lapsed" })
            {
                var events = dispute.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == kind);
                var notices = await NoticeCountAsync(host.Http, disputeId, kind, delivered: false);
                Console.WriteLine($"  restart {run} at +40 days: {kind}: {events} event(s), {notices} notice(s).");
                Check(failures, events == 1, $"drill 2 (restart {run}): {events} '{kind}' events instead of 1");
                // Once per transition: one letter to each of the two parties.
                Check(failures, notices == 2, $"drill 2 (restart {run}): {notices} '{kind}' notices instead of 2 (one per party)");
            }
            var convention = JsonDocument.Parse(await Get(host.Http, operatorKey, $"/api/v1/conventions/{conventionId}")).RootElement;
            Check(failures, convention.GetProperty("status").GetString() == "suspended", "drill 2: the convention is not suspended");
            host.Kill();
        }
        Cleanup(data);
    }

    private static async Task<(string OperatorKey, string Operator, string Partner)> PartiesAsync(HttpClient http, string partnerName)
    {
        var @operator = await Post(http, AdminKey, "/api/v1/organizations", new { name = "ALLIES – Culture pour tous", kind = "association", address = Address() }, "id");
        // The platform admin makes ALLIES the operator of Culture pour tous (its operator-admin keys act within it).
        await Post(http, AdminKey, "/api/v1/programs/culture-pour-tous/operators", new { organizationId = @operator }, "key");
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "drill", expiresOn = ParisToday(TimeSpan.Zero).AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "key");
        await Post(http, operatorKey, $"/api/v1/organizations/{@operator}/contacts", new { fullName = "Référente Opérateur", email = "referente@operateur.example", roles = new[] { "referent" } }, "id");
        var partner = await Post(http, operatorKey, "/api/v1/organizations", new { name = partnerName, kind = "social-service", address = Address() }, "id");
        await Post(http, operatorKey, $"/api/v1/organizations/{partner}/contacts", new { fullName = "Référent Partenaire", email = "referent@partenaire.example", roles = new[] { "referent" } }, "id");
        return (operatorKey, @operator, partner);
    }

    private static async Task<string> SignedCultureConventionAsync(HttpClient http, string operatorKey, string @operator, string partner)
    {
        var today = ParisToday(TimeSpan.Zero);
        var seasonStart = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 10, 1);
        var convention = await Post(http, operatorKey, "/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = @operator, partnerOrganizationId = partner,
            startsOn = seasonStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = seasonStart.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place = "Lyon", operatorSignatory = new { fullName = "A", title = "Présidente" }, partnerSignatory = new { fullName = "B", title = "Directrice" },
        }, "id");
        await Post(http, operatorKey, $"/api/v1/conventions/{convention}/send-for-signature", new { }, "id");
        await SignBothAsync(http, operatorKey, @operator, partner, convention);
        return convention;
    }

    private static async Task<JsonElement> DisputeAsync(HttpClient http, string key, string id) =>
        JsonDocument.Parse(await Get(http, key, $"/api/v1/disputes/{id}")).RootElement;

    private static async Task<int> NoticeCountAsync(HttpClient http, string disputeId, string kind, bool delivered) =>
        JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/notices?disputeId={disputeId}&limit=200")).RootElement.GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString() == kind && (!delivered || n.GetProperty("status").GetString() == "delivered"));

    private static async Task<int> DeliveredNoticesAsync(HttpClient http, string organizationId) =>
        JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/notices?organizationId={organizationId}&limit=200")).RootElement.GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("status").GetString() == "delivered");

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return false;
    }

    private static void Check(List<string> failures, bool holds, string failure)
    {
        if (!holds)
        {
            failures.Add(failure);
        }
    }

    private static DateOnly ParisToday(TimeSpan offset) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + offset, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    private static string NewDataDirectory()
    {
        var data = Path.Combine(Path.GetTempPath(), "conventions-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        return data;
    }

    private static void Cleanup(string data)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
