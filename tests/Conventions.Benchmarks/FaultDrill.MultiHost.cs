using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

internal static partial class FaultDrill
{
    private const string PostgresVariable = "CONVENTIONS_TEST_POSTGRES";

    /// <summary>
    /// Drill 5 (issue 17): three host processes on one PostgreSQL database (tests/postgres.sh gives the server).
    /// Bookings for one hot session sent round-robin to the three, one host killed (-9) during the load: no seat sold
    /// twice, every acknowledged booking stored, waiting positions unique. Then the background jobs asked for on every
    /// host at once: one notice and one webhook per event, and Hangfire's recurring jobs fired once per schedule. Last,
    /// how long a revoked key keeps working on the other hosts (their read caches hear of it through LISTEN/NOTIFY).
    /// </summary>
    private static async Task SeveralHostsOnOneDatabaseAsync(string hostDll, List<string> failures)
    {
        Console.WriteLine("Drill 5: three hosts on one PostgreSQL database.");
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            Console.WriteLine($"  skipped: {PostgresVariable} is not set (tests/faults.sh runs the drills beside a throwaway PostgreSQL).");
            return;
        }
        var database = "drill_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

        var webhookIds = new ConcurrentDictionary<string, int>();
        var cancelledBookings = new ConcurrentDictionary<string, int>();
        await using var receiver = await LoopbackReceiver.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            webhookIds.AddOrUpdate(context.Request.Headers["webhook-id"].ToString(), 1, (_, n) => n + 1);
            if (body.GetProperty("type").GetString() == "booking.cancelled")
            {
                cancelledBookings.AddOrUpdate(body.GetProperty("data").GetProperty("bookingId").GetString()!, 1, (_, n) => n + 1);
            }
        });

        var data = NewDataDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Conventions"] = connectionString,
            // One key ring for the three: a document link or a webhook secret protected by one host is read by another.
            ["DataProtection__KeysDirectory"] = Path.Combine(data, "keys"),
            ["Webhooks__AllowLoopback"] = "true",
        };
        var hosts = new HostProcess?[3];
        try
        {
            // The first host creates the schemas; the other two start together on them.
            var started = Stopwatch.StartNew();
            hosts[0] = await HostProcess.StartAsync(hostDll, Path.Combine(data, "a"), TimeSpan.Zero, AdminKey, settings: settings);
            var others = await Task.WhenAll(new[] { "b", "c" }.Select(n => HostProcess.StartAsync(hostDll, Path.Combine(data, n), TimeSpan.Zero, AdminKey, settings: settings)));
            (hosts[1], hosts[2]) = (others[0], others[1]);
            Console.WriteLine($"  three hosts ready in {started.Elapsed.TotalSeconds:F1} s.");
            var a = hosts[0]!.Http;

            var (operatorKey, @operator, partner) = await PartiesAsync(a, "Structure sociale (drill 5)");
            await SignedCultureConventionAsync(a, operatorKey, @operator, partner);
            var bookerKey = await Post(a, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "drill 5" }, "key");
            var partnerKey = await Post(a, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "partner", label = "drill 5" }, "key");
            await PostRaw(a, partnerKey, "/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "booking.cancelled" } });
            var publisher = await Post(a, operatorKey, "/api/v1/organizations", new { name = "Théâtre (drill 5)", kind = "cultural-institution", address = Address() }, "id");
            const int capacity = 300;
            var offer = JsonDocument.Parse(await PostRaw(a, operatorKey, "/api/v1/offers", new
            {
                publisherOrganizationId = publisher, title = "Séance très demandée", category = "show", venueName = "Théâtre", city = "Lyon", description = "Drill",
                sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats = capacity } },
            })).RootElement;
            var offerId = offer.GetProperty("id").GetString()!;
            var session = offer.GetProperty("sessions")[0].GetProperty("id").GetString()!;
            var beneficiaries = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                beneficiaries.Add(await Post(a, bookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne {i}" }, "id"));
            }

            // 24 clients, each request to the next host in turn; the third host is killed once 400 are acknowledged.
            var acknowledged = new ConcurrentDictionary<string, string>();
            var perHost = new int[3];
            var (cutOff, refused) = (0, 0);
            var dead = false;
            var next = -1;
            var load = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, 24).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < 1200)
                {
                    var target = Volatile.Read(ref dead) ? i % 2 : i % 3;
                    var guests = Enumerable.Range(0, i % 3).Select(g => new { fullName = $"Invité {i}-{g}", relation = "family" }).ToArray();
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
                    {
                        Content = new StringContent(JsonSerializer.Serialize(new { sessionId = session, beneficiaryId = beneficiaries[i % beneficiaries.Count], guests }), Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("X-Api-Key", bookerKey);
                    try
                    {
                        using var response = await hosts[target]!.Http.SendAsync(request);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var booking = JsonDocument.Parse(text).RootElement;
                            acknowledged[booking.GetProperty("id").GetString()!] = booking.GetProperty("status").GetString()!;
                            Interlocked.Increment(ref perHost[target]);
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                            failures.Add($"drill 5: a booking was answered {(int)response.StatusCode}: {text}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref cutOff);
                    }
                }
            }).ToList();
            while (acknowledged.Count < 400 && clients.Any(c => !c.IsCompleted))
            {
                await Task.Delay(5);
            }
            hosts[2]!.Kill();
            Volatile.Write(ref dead, true);
            await Task.WhenAll(clients);
            load.Stop();
            Console.WriteLine($"  {acknowledged.Count} bookings acknowledged in {load.Elapsed.TotalSeconds:F1} s ({acknowledged.Count / load.Elapsed.TotalSeconds:F0}/s; "
                + $"by host {perHost[0]}, {perHost[1]}, {perHost[2]}); host 3 killed (-9) after 400, {cutOff} requests cut off, {refused} refused.");

            // Read back through the first host: every acknowledged booking, the seats, the waiting list.
            var bookings = new List<JsonElement>();
            for (var url = $"/api/v1/bookings?sessionId={session}&limit=200"; url is not null;)
            {
                var page = JsonDocument.Parse(await Get(a, bookerKey, url)).RootElement;
                bookings.AddRange(page.GetProperty("items").EnumerateArray().Select(b => b.Clone()));
                url = page.GetProperty("next").GetString() is { } cursor ? $"/api/v1/bookings?sessionId={session}&limit=200&cursor={cursor}" : null;
            }
            var stored = bookings.ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString()!);
            var lost = acknowledged.Count(p => !stored.TryGetValue(p.Key, out var status) || status != p.Value);
            var seated = bookings.Where(b => b.GetProperty("status").GetString() == "confirmed")
                .Sum(b => b.GetProperty("invitations").EnumerateArray().Count(v => v.GetProperty("status").GetString() == "valid"));
            var seatsLeft = JsonDocument.Parse(await Get(a, bookerKey, $"/api/v1/offers/{offerId}")).RootElement.GetProperty("sessions")[0].GetProperty("seatsLeft").GetInt32();
            // A booking's position is given when it is read on its own.
            var waiting = new ConcurrentBag<int>();
            await Parallel.ForEachAsync(bookings.Where(b => b.GetProperty("status").GetString() == "waitlisted"), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (booking, _) =>
                waiting.Add(JsonDocument.Parse(await Get(a, bookerKey, $"/api/v1/bookings/{booking.GetProperty("id").GetString()}")).RootElement.GetProperty("waitlistPosition").GetInt32()));
            var positions = waiting.Order().ToList();
            Console.WriteLine($"  read back: {stored.Count} bookings stored ({acknowledged.Count} acknowledged, {lost} missing or changed); "
                + $"{seatsLeft} seats left + {seated} valid seated invitations = {seatsLeft + seated} of {capacity}; {positions.Count} waiting, positions 1..{positions.LastOrDefault()}.");
            Check(failures, lost == 0, $"drill 5: {lost} acknowledged bookings missing or changed");
            Check(failures, seatsLeft >= 0 && seatsLeft + seated == capacity, $"drill 5: seats left {seatsLeft} + seated {seated} != capacity {capacity}");
            Check(failures, positions.SequenceEqual(Enumerable.Range(1, positions.Count)), "drill 5: waiting positions are not 1..n without duplicates");
            Check(failures, stored.Count >= acknowledged.Count && stored.Count <= acknowledged.Count + cutOff,
                $"drill 5: {stored.Count} bookings stored for {acknowledged.Count} acknowledged and {cutOff} cut off");

            // Jobs asked for on both live hosts at once, several times: one notice and one webhook per event.
            var noticesBefore = (await NoticesOfAsync(a, partner)).Select(n => n.Id).ToHashSet();
            await PostRaw(a, operatorKey, $"/api/v1/offers/{offerId}/sessions/{session}/cancel", new { reason = "Annulation (exercice à plusieurs hôtes)" });
            var live = new[] { hosts[0]!, hosts[1]! };
            await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => live.SelectMany(h => new[] { "outbox", "notices", "webhooks" }.Select(job =>
                h.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/jobs/{job}/run") { Headers = { { "X-Api-Key", AdminKey } } })))));
            var toCancel = stored.Count(p => p.Value != "cancelled");
            List<(string Id, string Kind, string Status)> fresh = [];
            await WaitForAsync(async () =>
            {
                fresh = (await NoticesOfAsync(a, partner)).Where(n => !noticesBefore.Contains(n.Id)).ToList();
                return cancelledBookings.Count >= toCancel && fresh.Count > 0 && fresh.All(n => n.Status == "delivered");
            }, TimeSpan.FromSeconds(90));
            var twice = cancelledBookings.Values.Count(n => n > 1);
            Console.WriteLine($"  session cancelled, jobs run on both live hosts at once (4 x outbox, notices, webhooks each): new notices to the structure: "
                + $"{string.Join(", ", fresh.GroupBy(n => n.Kind).Select(g => $"{g.Count()} {g.Key} ({g.Count(n => n.Status == "delivered")} delivered)"))}; "
                + $"{cancelledBookings.Count} of {toCancel} booking.cancelled webhooks received, {twice} received twice.");
            Check(failures, fresh.Count > 0 && fresh.GroupBy(n => n.Kind).All(g => g.Count() == 1) && fresh.All(n => n.Status == "delivered"),
                $"drill 5: new notices to the structure: {string.Join(", ", fresh.Select(n => $"{n.Kind} {n.Status}"))} (expected one of each kind, delivered)");
            Check(failures, cancelledBookings.Count == toCancel && twice == 0, $"drill 5: {cancelledBookings.Count} of {toCancel} booking.cancelled webhooks, {twice} twice");

            // Hangfire's recurring jobs (outbox, notices and webhooks every minute): never fired twice for one minute. The
            // drill waits for a minute's firings (the three every-minute jobs) if none came yet.
            var (firings, duplicated) = (0, 0);
            var waited = Stopwatch.StartNew();
            do
            {
                (firings, duplicated) = await RecurringFiringsAsync(connectionString);
                if (firings >= 3)
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            while (waited.Elapsed < TimeSpan.FromSeconds(90));
            Console.WriteLine($"  Hangfire recurring jobs: {firings} (job, minute) firings across the hosts, {duplicated} fired more than once.");
            Check(failures, firings >= 3, $"drill 5: {firings} recurring firings seen within 90 s (expected the three every-minute jobs)");
            Check(failures, duplicated == 0, $"drill 5: {duplicated} recurring jobs fired more than once in one minute");

            // A key revoked through the first host: how long the second (which had it cached) still accepts it.
            var b = hosts[1]!.Http;
            var bounds = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                var issued = JsonDocument.Parse(await PostRaw(a, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = $"drill 5 revoked {round}" })).RootElement;
                var (secret, id) = (issued.GetProperty("key").GetString()!, issued.GetProperty("id").GetString()!);
                await Get(b, secret, "/api/v1/beneficiaries?limit=1");
                await Get(b, secret, "/api/v1/beneficiaries?limit=1");
                await PostRaw(a, operatorKey, $"/api/v1/organizations/{partner}/credentials/{id}/revoke", new { });
                var watch = Stopwatch.StartNew();
                while (watch.Elapsed < TimeSpan.FromSeconds(30))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/beneficiaries?limit=1") { Headers = { { "X-Api-Key", secret } } };
                    using var response = await b.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        break;
                    }
                    await Task.Delay(2);
                }
                bounds.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"  a key revoked on host 1 and cached on host 2 was refused there after {string.Join(", ", bounds.Select(ms => $"{ms:F0}"))} ms (5 revocations).");
            Check(failures, bounds.Max() < 5_000, $"drill 5: a revoked key was accepted for {bounds.Max():F0} ms on another host (bound: the cache's 5 s)");
        }
        finally
        {
            foreach (var host in hosts)
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            Cleanup(data);
        }
    }

    /// <summary>How many (recurring job, minute) firings Hangfire stored, and how many of them twice or more.</summary>
    private static async Task<(int Firings, int Duplicated)> RecurringFiringsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT p.value, date_trunc('minute', j.createdat) AS minute, count(*) FROM hangfire.job j " +
            "JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' GROUP BY 1, 2", connection);
        var (firings, duplicated) = (0, 0);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            firings++;
            duplicated += reader.GetInt64(2) > 1 ? 1 : 0;
        }
        return (firings, duplicated);
    }

    private static async Task<List<(string Id, string Kind, string Status)>> NoticesOfAsync(HttpClient http, string organizationId) =>
        JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/notices?organizationId={organizationId}&limit=200")).RootElement.GetProperty("items").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("kind").GetString()!, n.GetProperty("status").GetString()!)).ToList();
}
