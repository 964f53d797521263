using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Conventions.Benchmarks;

/// <summary>
/// Starts the real host (Release build, Kestrel on 127.0.0.1, a fresh SQLite file), prepares a Culture pour tous
/// convention, a social partner and one hot session, then books it from many concurrent HTTP clients. Prints bookings
/// per second, p50/p95/p99 latency and oversold seats, next to two raw rates run directly on SQLite with the same
/// durability settings in the same run, one transaction per booking: a smaller transaction (conditional seat update +
/// booking + invitation) in a fresh file, and the booking's own transaction on a copy of the load's database.
/// </summary>
internal static partial class LoadDriver
{
    private const string AdminKey = "load-driver-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
        var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4000;
        var warmupSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        // "no-keys" as the fourth argument books without Idempotency-Key (to measure what the keys cost).
        WithKeys = !(args.Length > 3 && args[3] == "no-keys");
        // "webhooks" as the fourth argument measures three times on one host: without webhooks, with every booking
        // event subscribed by the structure and the publisher (a loopback receiver), and without again (issue 16).
        var compareWebhooks = args.Length > 3 && args[3] == "webhooks";
        var seats = total / 2;
        var root = FindRoot();
        var data = Path.Combine(Path.GetTempPath(), "conventions-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();

        Console.WriteLine($"Building the host (Release)…");
        await RunAsync("dotnet", $"build \"{Path.Combine(root, "src", "Host")}\" -c Release -v q -nologo", root);
        var hostDll = Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Conventions.Host.dll");

        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__DataDirectory"] = data,
                ["Conventions__BootstrapAdminKey"] = AdminKey,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Hangfire__ServerEnabled"] = Environment.GetEnvironmentVariable("LOAD_HANGFIRE_SERVER") ?? "true",
                // 32 clients on one key go far above a portal's rate on purpose: the limits are lifted explicitly.
                ["RateLimits__Enabled"] = "false",
                ["Webhooks__AllowLoopback"] = compareWebhooks ? "true" : "false",
            },
        };
        // LOAD_HOST_ENV="Name=value;Name2=value2" sets more of the host's configuration (to compare a setting's cost).
        foreach (var pair in (Environment.GetEnvironmentVariable("LOAD_HOST_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value;
        }
        using var host = Process.Start(start)!;
        _ = host.StandardOutput.ReadToEndAsync();
        _ = host.StandardError.ReadToEndAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ready = await WaitReadyAsync(http);
        var readyAfter = started.Elapsed;
        // LOAD_HOSTS=3: more hosts on the same server database (Database__Provider=PostgreSql and its connection string
        // in the environment, as tests/postgres.sh gives them), the bookings sent to each in turn.
        var hostCount = int.Parse(Environment.GetEnvironmentVariable("LOAD_HOSTS") ?? "1", CultureInfo.InvariantCulture);
        var more = new List<HostProcess>();
        try
        {
            if (!ready)
            {
                Console.Error.WriteLine("The host did not become ready.");
                return 1;
            }
            if (hostCount > 1 && Environment.GetEnvironmentVariable("Database__Provider") != "PostgreSql")
            {
                Console.Error.WriteLine("LOAD_HOSTS > 1 needs a server database: Database__Provider=PostgreSql and ConnectionStrings__Conventions.");
                return 1;
            }
            for (var h = 1; h < hostCount; h++)
            {
                more.Add(await HostProcess.StartAsync(hostDll, Path.Combine(data, $"host{h}"), TimeSpan.Zero, AdminKey, settings: new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["DataProtection__KeysDirectory"] = Path.Combine(data, "keys"),
                }));
            }
            using var drive = hostCount == 1 ? null : new HttpClient(new RoundRobin([port, .. more.Select(m => m.Http.BaseAddress!.Port)], clients)) { BaseAddress = http.BaseAddress };
            var memory = host.WorkingSet64;
            var setup = await SetupAsync(http, seats, Math.Min(total, 500));
            Console.WriteLine($"Host ready in {readyAfter.TotalMilliseconds:F0} ms (working set at idle {memory / 1024 / 1024} MB). Booking {total} times with {clients} clients, {seats} seats…");

            // Warm-up, on another session, for a fixed time: the runtime's tiered compilation keeps a core busy for
            // its first seconds under load (instrumented then optimized code), which is not the steady state measured.
            var warmup = await DriveAsync(drive ?? http, setup.BookerKey, setup.WarmupSession, setup.Beneficiaries, int.MaxValue, clients, TimeSpan.FromSeconds(warmupSeconds));
            Console.WriteLine($"Warm-up: {warmup.Latencies.Count} bookings in {warmup.Elapsed.TotalSeconds:F1} s ({warmup.Latencies.Count / warmup.Elapsed.TotalSeconds:F0}/s).");
            var cpuBefore = HostsCpu(host, more);
            var (elapsed, latencies, failures, confirmed) = await DriveAsync(drive ?? http, setup.BookerKey, setup.HotSession, setup.Beneficiaries, total, clients);
            var cpuPerBooking = (HostsCpu(host, more) - cpuBefore).TotalMilliseconds / total;
            if (compareWebhooks)
            {
                await CompareWebhooksAsync(http, setup, total, clients, total / elapsed.TotalSeconds, latencies);
            }

            var offer = JsonDocument.Parse(await Get(http, setup.BookerKey, $"/api/v1/offers/{setup.OfferId}")).RootElement;
            var session = offer.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == setup.HotSession);
            var seatsLeft = session.GetProperty("seatsLeft").GetInt32();
            var oversold = Math.Max(0, confirmed - seats) + (seatsLeft + confirmed == seats ? 0 : Math.Abs(seats - seatsLeft - confirmed));

            // The season report's seat figures after the load: every booking left a change, taken now by the job.
            var refresh = Stopwatch.StartNew();
            var refreshed = JsonDocument.Parse(await PostRaw(http, AdminKey, "/api/v1/admin/jobs/seat-figures/run", new { })).RootElement;
            var refreshMs = refresh.Elapsed.TotalMilliseconds;
            // Then half as many bookings again while the job runs beside them every second (on SQLite a refresh writes
            // under the one write lock, which the bookings wait for).
            using var stopRefreshing = new CancellationTokenSource();
            var refreshes = 0;
            var refresher = Task.Run(async () =>
            {
                while (!stopRefreshing.IsCancellationRequested)
                {
                    await PostRaw(http, AdminKey, "/api/v1/admin/jobs/seat-figures/run", new { });
                    refreshes++;
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            });
            var beside = await DriveAsync(drive ?? http, setup.BookerKey, setup.WarmupSession, setup.Beneficiaries, total / 2, clients);
            await stopRefreshing.CancelAsync();
            await refresher;
            beside.Latencies.Sort();

            var raw = RawTransactionRate(Path.Combine(data, "raw.db"), Math.Min(total, 4000));
            // The booking's own transaction, one per commit, on a copy of this load's SQLite database (none on a server database).
            double? alone = hostCount == 1 && Environment.GetEnvironmentVariable("Database__Provider") is null or "Sqlite"
                ? BookingTransactionRate(Path.Combine(data, "conventions.db"), Path.Combine(data, "booking-alone.db"), setup.HotSession, Math.Min(total, 4000))
                : null;

            // The floor: a minimal Kestrel endpoint, driven the same way in the same run (warmed up first, as the host).
            var (floorProcess, floorHttp) = await KestrelFloor.StartAsync(clients);
            double floorRate, floorCpuPerRequest, floorP99;
            try
            {
                await DriveAsync(floorHttp, setup.BookerKey, setup.HotSession, setup.Beneficiaries, int.MaxValue, clients, TimeSpan.FromSeconds(Math.Min(warmupSeconds, 5)));
                floorProcess.Refresh();
                var floorCpuBefore = floorProcess.TotalProcessorTime;
                // More requests than bookings: the endpoint answers them far faster, and the measure needs seconds, not a blink.
                var requests = Math.Max(total, 50_000);
                var floor = await DriveAsync(floorHttp, setup.BookerKey, setup.HotSession, setup.Beneficiaries, requests, clients);
                floorProcess.Refresh();
                if (floor.Failures > 0)
                {
                    throw new InvalidOperationException($"The minimal endpoint refused {floor.Failures} requests.");
                }
                floorCpuPerRequest = (floorProcess.TotalProcessorTime - floorCpuBefore).TotalMilliseconds / requests;
                floorRate = requests / floor.Elapsed.TotalSeconds;
                floor.Latencies.Sort();
                floorP99 = P(floor.Latencies, 0.99);
            }
            finally
            {
                floorProcess.Kill();
                floorHttp.Dispose();
            }
            var rate = total / elapsed.TotalSeconds;
            latencies.Sort();
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| hosts (database) | {hostCount} ({Environment.GetEnvironmentVariable("Database__Provider") ?? "Sqlite"}) |");
            Console.WriteLine($"| bookings answered (201) | {total - failures} of {total} |");
            Console.WriteLine($"| confirmed / waitlisted | {confirmed} / {total - failures - confirmed} |");
            Console.WriteLine($"| HTTP bookings per second | {rate:F0} |");
            Console.WriteLine($"| latency p50 / p95 / p99 (ms) | {P(latencies, 0.50):F1} / {P(latencies, 0.95):F1} / {P(latencies, 0.99):F1} |");
            Console.WriteLine($"| oversold seats | {oversold} (seats left {seatsLeft}) |");
            Console.WriteLine($"| raw SQLite transaction rate (same run) | {raw:F0} per second |");
            Console.WriteLine($"| HTTP rate / raw rate | {rate / raw:P0} |");
            if (alone is { } same)
            {
                Console.WriteLine($"| the booking's own transaction, one per commit, on a copy of this database (no HTTP, no EF, no group commit) | {same:F0} per second |");
                Console.WriteLine($"| HTTP rate / that rate | {rate / same:P0} |");
            }
            Console.WriteLine($"| host CPU per booking (all hosts) | {cpuPerBooking:F2} ms |");
            Console.WriteLine($"| minimal Kestrel endpoint, same driver: requests/s, p99, CPU per request | {floorRate:F0}, {floorP99:F1} ms, {floorCpuPerRequest:F2} ms |");
            Console.WriteLine($"| host CPU per booking / floor's CPU per request | {cpuPerBooking / floorCpuPerRequest:F1} x |");
            Console.WriteLine($"| `seat-figures` after the load: changes taken, time | {refreshed.GetProperty("processed")}, {refreshMs:F0} ms |");
            Console.WriteLine($"| {total / 2} bookings more, `seat-figures` run every second beside ({refreshes} runs): bookings/s, p50 / p99 (ms) | {total / 2 / beside.Elapsed.TotalSeconds:F0}, {P(beside.Latencies, 0.50):F1} / {P(beside.Latencies, 0.99):F1} |");
            Console.WriteLine($"| host ready after start | {readyAfter.TotalMilliseconds:F0} ms |");
            Console.WriteLine($"| host working set at idle | {memory / 1024 / 1024} MB |");
            return failures == 0 && oversold == 0 ? 0 : 2;
        }
        finally
        {
            foreach (var extra in more)
            {
                await extra.DisposeAsync();
            }
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
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

    private sealed record Setup(
        string BookerKey, string OfferId, string HotSession, string WarmupSession, List<string> Beneficiaries,
        string PartnerKey, string PublisherKey, string[] MoreHotSessions);

    private static async Task<Setup> SetupAsync(HttpClient http, int seats, int beneficiaries)
    {
        var @operator = await Post(http, AdminKey, "/api/v1/organizations", new { name = "ALLIES – Culture pour tous", kind = "association", address = Address() }, "id");
        // The platform admin makes ALLIES the operator of Culture pour tous (its operator-admin keys act within it).
        await Post(http, AdminKey, "/api/v1/programs/culture-pour-tous/operators", new { organizationId = @operator }, "key");
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "load" }, "key");
        var partner = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Structure sociale", kind = "social-service", address = Address() }, "id");
        var bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "load" }, "key");
        var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre", kind = "cultural-institution", address = Address() }, "id");
        var today = DateTime.UtcNow;
        var seasonStart = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 10, 1);
        var convention = await Post(http, operatorKey, "/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = @operator, partnerOrganizationId = partner,
            startsOn = seasonStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = seasonStart.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place = "Lyon", operatorSignatory = new { fullName = "A", title = "Présidente" }, partnerSignatory = new { fullName = "B", title = "Directrice" },
        }, "id");
        await Post(http, operatorKey, $"/api/v1/conventions/{convention}/send-for-signature", new { }, "id");
        await SignBothAsync(http, operatorKey, @operator, partner, convention);
        var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
        {
            publisherOrganizationId = publisher, title = "Séance très demandée", category = "show", venueName = "Théâtre", city = "Lyon", description = "Charge",
            sessions = new[]
            {
                new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats }, new { startsAt = DateTimeOffset.UtcNow.AddDays(21), seats = 1000 },
                new { startsAt = DateTimeOffset.UtcNow.AddDays(22), seats }, new { startsAt = DateTimeOffset.UtcNow.AddDays(23), seats },
                new { startsAt = DateTimeOffset.UtcNow.AddDays(24), seats }, new { startsAt = DateTimeOffset.UtcNow.AddDays(25), seats },
            },
        })).RootElement;
        var sessions = offer.GetProperty("sessions").EnumerateArray().OrderBy(s => s.GetProperty("startsAt").GetDateTimeOffset()).Select(s => s.GetProperty("id").GetString()!).ToList();
        var list = new List<string>();
        for (var i = 0; i < beneficiaries; i++)
        {
            list.Add(await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne {i}" }, "id"));
        }
        var partnerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "partner", label = "load" }, "key");
        var publisherKey = await Post(http, operatorKey, $"/api/v1/organizations/{publisher}/credentials", new { role = "partner", label = "load" }, "key");
        return new Setup(bookerKey, offer.GetProperty("id").GetString()!, sessions[0], sessions[1], list, partnerKey, publisherKey, [.. sessions.Skip(2)]);
    }

    private static bool WithKeys { get; set; } = true;

    private static async Task<(TimeSpan Elapsed, List<double> Latencies, int Failures, int Confirmed)> DriveAsync(
        HttpClient http, string key, string sessionId, List<string> beneficiaries, int total, int clients, TimeSpan? duration = null)
    {
        var latencies = new List<double>();
        var failures = 0;
        var confirmed = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total || (duration is { } limit && watch.Elapsed >= limit))
                {
                    return;
                }
                var body = JsonSerializer.Serialize(new { sessionId, beneficiaryId = beneficiaries[i % beneficiaries.Count] });
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Api-Key", key);
                if (WithKeys)
                {
                    // As a portal retrying safely would: every booking carries its own key (stored with it, ADR 0014).
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                }
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                }
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
                else if (text.Contains("\"status\":\"confirmed\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref confirmed);
                }
            }
        }));
        return (watch.Elapsed, latencies, failures, confirmed);
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    internal static object Address() => new { line1 = "1 rue", postalCode = "69001", city = "Lyon" };

    /// <summary>
    /// Both parties sign a convention sent for signature, as issue 18 wants it: each through a key of its own organization
    /// (the partner's issued by the operator), naming a signatory contact its organization registered; the server dates it.
    /// </summary>
    internal static async Task SignBothAsync(HttpClient http, string operatorKey, string @operator, string partner, string convention)
    {
        await Post(http, operatorKey, $"/api/v1/organizations/{@operator}/contacts", new { fullName = "A", title = "Présidente", roles = new[] { "signatory" } }, "id");
        var partnerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "partner", label = "signature" }, "key");
        await Post(http, partnerKey, $"/api/v1/organizations/{partner}/contacts", new { fullName = "B", title = "Directrice", roles = new[] { "signatory" } }, "id");
        await Post(http, operatorKey, $"/api/v1/conventions/{convention}/signatures", new { party = "operator", signatoryName = "A", place = "Lyon" }, "id");
        await Post(http, partnerKey, $"/api/v1/conventions/{convention}/signatures", new { party = "partner", signatoryName = "B", place = "Lyon" }, "id");
    }

    internal static async Task<string> Post(HttpClient http, string key, string url, object body, string property) =>
        JsonDocument.Parse(await PostRaw(http, key, url, body)).RootElement.GetProperty(property).GetString()!;

    internal static async Task<string> PostRaw(HttpClient http, string key, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        }
        return text;
    }

    internal static async Task<string> Get(HttpClient http, string key, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    internal static async Task<bool> WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(25);
        }
        return false;
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory })!;
        await process.WaitForExitAsync();
    }

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conventions.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Conventions.sln not found.");
    }

    /// <summary>The CPU used so far by the engine's host processes.</summary>
    private static TimeSpan HostsCpu(Process host, List<HostProcess> more)
    {
        host.Refresh();
        return more.Aggregate(host.TotalProcessorTime, (sum, h) => sum + h.CpuTime);
    }

    /// <summary>Sends each request to the next of several hosts on loopback (LOAD_HOSTS).</summary>
    private sealed class RoundRobin(int[] ports, int clients) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 })
    {
        private int _next = -1;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var port = ports[(int)((uint)Interlocked.Increment(ref _next) % (uint)ports.Length)];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Port = port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
