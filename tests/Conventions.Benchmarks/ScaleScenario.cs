using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>
/// Costs as data grows (issue 17, first step): real rows made through the API (parties, a signed convention, an offer,
/// a beneficiary, a booking with a guest), cloned in the database while the host is down to a network's size
/// (organizations, beneficiaries, offers and sessions, bookings and their invitations, notices, conventions), then the
/// read routes timed over HTTP on the restarted host: first page and a deep page (20 pages of 200 in), p50 and p99.
/// SQLite by default; PostgreSQL with <c>Database__Provider=PostgreSql</c> and <c>ConnectionStrings__Conventions</c>
/// in the environment (an empty database). <c>scale [factor]</c>: 1 is the issue's sizes, 0.1 a tenth.
/// </summary>
internal static class ScaleScenario
{
    private const string AdminKey = "sweep-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var factor = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        int Size(int n) => Math.Max(10, (int)(n * factor));
        var (organizations, beneficiaries, offers, bookings, notices, conventions) =
            (Size(10_000), Size(100_000), Size(1_000), Size(1_000_000), Size(1_000_000), Size(100_000));
        var sessions = offers * 10;
        var postgres = Environment.GetEnvironmentVariable("Database__Provider") == "PostgreSql";
        var root = FindRoot();
        if (!args.Contains("--no-build"))
        {
            await LoadDriver.RunAsync("dotnet", $"build \"{Path.Combine(root, "src", "Host")}\" -c Release -v q -nologo", root);
        }
        var hostDll = Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Conventions.Host.dll");
        var data = Path.Combine(Path.GetTempPath(), "conventions-scale", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var rows = new List<(string Measure, string Value)>();

        Templates t;
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, hangfireServer: false))
        {
            t = await TemplatesAsync(host.Http);
        }

        var watch = Stopwatch.StartNew();
        await using (var connection = postgres
            ? (DbConnection)new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Conventions"))
            : new SqliteConnection($"Data Source={Path.Combine(data, "conventions.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            var c = new Cloner(connection, postgres);
            var seeded = new List<string>();
            async Task Step(string what, Func<Task<long>> clone)
            {
                var step = Stopwatch.StartNew();
                var count = await clone();
                seeded.Add($"{count:N0} {what} ({step.Elapsed.TotalSeconds:F0} s)");
                Console.WriteLine($"  {count:N0} {what} in {step.Elapsed.TotalSeconds:F1} s");
            }
            string Org(string i) => c.Id("0A000000", $"(({i}) - 1) % {organizations} + 1");
            await Step("organizations", () => c.CloneAsync("partners", "organizations", "Id", t.Partner, organizations, new()
            {
                ["Id"] = c.Id("0A000000", "i"), ["Name"] = c.Text("'Structure n° '", "i"),
            }));
            // One beneficiary in ten belongs to the real structure (its booker's lists are then of a structure's size).
            await Step("beneficiaries", () => c.CloneAsync("ticketing", "beneficiaries", "Id", t.Beneficiary, beneficiaries, new()
            {
                ["Id"] = c.Id("0B000000", "i"), ["OrganizationId"] = $"CASE WHEN i % 1000 = 0 THEN src.\"OrganizationId\" ELSE {Org("i")} END",
                ["DisplayName"] = c.Text("'Personne '", "i"),
            }));
            await Step("offers", () => c.CloneAsync("ticketing", "offers", "Id", t.Offer, offers, new() { ["Id"] = c.Id("0F000000", "i"), ["Title"] = c.Text("'Spectacle '", "i") }));
            await Step("sessions", () => c.CloneAsync("ticketing", "sessions", "Id", t.Session, sessions, new()
            {
                ["Id"] = c.Id("05000000", "i"), ["OfferId"] = c.Id("0F000000", "(i - 1) / 10 + 1"),
            }));
            await Step("bookings", () => c.CloneAsync("ticketing", "bookings", "Id", t.Booking, bookings, new()
            {
                ["Id"] = c.Id("0B100000", "i"), ["BeneficiaryId"] = c.Id("0B000000", $"(i - 1) % {beneficiaries} + 1"),
                ["OrganizationId"] = $"CASE WHEN ((i - 1) % {beneficiaries} + 1) % 1000 = 0 THEN src.\"OrganizationId\" ELSE {Org($"(i - 1) % {beneficiaries} + 1")} END",
                ["SessionId"] = c.Id("05000000", $"(i - 1) % {sessions} + 1"), ["OfferId"] = c.Id("0F000000", $"((i - 1) % {sessions}) / 10 + 1"),
                ["UpdatedAt"] = c.SecondsBefore("src.\"UpdatedAt\"", "i"), ["CreatedAt"] = c.SecondsBefore("src.\"CreatedAt\"", "i"),
            }));
            await Step("invitations (the beneficiary's)", () => c.CloneAsync("ticketing", "invitations", "Id", t.BeneficiaryInvitation, bookings, new()
            {
                ["Id"] = c.Id("01A00000", "i"), ["BookingId"] = c.Id("0B100000", "i"), ["Code"] = c.Text("'A'", "i"),
            }));
            await Step("invitations (the guest's)", () => c.CloneAsync("ticketing", "invitations", "Id", t.GuestInvitation, bookings, new()
            {
                ["Id"] = c.Id("01B00000", "i"), ["BookingId"] = c.Id("0B100000", "i"), ["Code"] = c.Text("'G'", "i"),
            }));
            await Step("notices", () => c.CloneAsync("notices", "notices", "Id", t.Notice, notices, new()
            {
                // Delivered: the notices job then has nothing to send (its sweep over a large table is what is timed).
                ["Id"] = c.Id("0E000000", "i"), ["DeduplicationKey"] = "NULL", ["BodyHtml"] = "'<p>Information</p>'", ["Status"] = "'Delivered'",
                ["DeliveredAt"] = "src.\"CreatedAt\"", ["CreatedAt"] = c.SecondsBefore("src.\"CreatedAt\"", "i"),
                ["NextAttemptAt"] = c.SecondsBefore("src.\"NextAttemptAt\"", "i"),
            }));
            await Step("notice audiences", () => c.CloneAsync("notices", "notice_audience", "NoticeId", t.Notice, notices, owned: true, only: ("OrganizationId", t.Partner), overrides: new()
            {
                ["NoticeId"] = c.Id("0E000000", "i"), ["OrganizationId"] = $"CASE WHEN i % 1000 = 0 THEN src.\"OrganizationId\" ELSE {Org("i")} END",
            }));
            await Step("conventions", () => c.CloneAsync("conventions", "conventions", "Id", t.Convention, conventions, new()
            {
                ["Id"] = c.Id("0C000000", "i"), ["PartnerOrganizationId"] = Org("i"), ["DocumentHtml"] = "NULL",
            }));
            var analyze = Stopwatch.StartNew();
            await c.ExecuteAsync("ANALYZE");
            rows.Add(("rows cloned", string.Join("; ", seeded) + $"; ANALYZE {analyze.Elapsed.TotalSeconds:F0} s"));
        }
        rows.Add(("seeding in all", $"{watch.Elapsed.TotalSeconds:F0} s"));
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();

        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, hangfireServer: false))
        {
            var http = host.Http;
            var routes = new List<(string Route, string Key, string Url)>
            {
                ("GET /organizations", AdminKey, "/api/v1/organizations?limit=50"),
                ("GET /organizations/{id}", AdminKey, $"/api/v1/organizations/{t.Partner}"),
                ("GET /organizations/{id}/dashboard", t.OperatorKey, $"/api/v1/organizations/{t.Partner}/dashboard"),
                ("GET /directory/partners", AdminKey, "/api/v1/directory/partners?limit=50"),
                ("GET /beneficiaries (a structure's booker)", t.BookerKey, "/api/v1/beneficiaries?limit=50"),
                ("GET /bookings (a structure's booker)", t.BookerKey, "/api/v1/bookings?limit=50"),
                ("GET /bookings?order=updated (a structure's booker)", t.BookerKey, "/api/v1/bookings?limit=50&order=updated"),
                ("GET /bookings?sessionId= (a structure's booker)", t.BookerKey, $"/api/v1/bookings?sessionId={t.Session}&limit=50"),
                ("GET /bookings/{id}", t.BookerKey, $"/api/v1/bookings/{t.Booking}"),
                ("GET /offers", t.BookerKey, "/api/v1/offers?limit=50"),
                ("GET /offers/{id}", t.BookerKey, $"/api/v1/offers/{t.Offer}"),
                ("GET /notices (platform)", AdminKey, "/api/v1/notices?limit=50"),
                ("GET /notices?organizationId= (platform)", AdminKey, $"/api/v1/notices?organizationId={t.Partner}&limit=50"),
                ("GET /conventions (platform)", AdminKey, "/api/v1/conventions?limit=50"),
                ("GET /conventions/{id}", AdminKey, $"/api/v1/conventions/{t.Convention}"),
                ("GET /reports/unused-invitations", t.OperatorKey, "/api/v1/reports/unused-invitations"),
            };
            foreach (var (route, key, url) in routes)
            {
                var (status, p50, p99) = await TimeAsync(http, key, url, 60);
                var label = url.Contains("limit=", StringComparison.Ordinal) ? $"{route}, first page" : route;
                rows.Add((label, status == 200 ? $"{p50:F1} / {p99:F1} ms" : $"answered {status}"));
                if (status == 200 && url.Contains("limit=", StringComparison.Ordinal) && await DeepAsync(http, key, url) is { } deep)
                {
                    var (deepStatus, d50, d99) = await TimeAsync(http, key, deep, 60);
                    rows.Add(($"{route}, 20 pages of 200 in", deepStatus == 200 ? $"{d50:F1} / {d99:F1} ms" : $"answered {deepStatus}"));
                }
            }
            var booking = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await PostRaw(http, t.BookerKey, "/api/v1/bookings", new { sessionId = t.FreshSession, beneficiaryId = t.Beneficiary });
                booking.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            booking.Sort();
            rows.Add(("POST /bookings (one client, one at a time)", $"{booking[29]:F1} / {booking[^1]:F1} ms"));
            foreach (var job in new[] { "deadlines", "renewals", "notices", "outbox" })
            {
                var started = Stopwatch.GetTimestamp();
                await PostRaw(http, AdminKey, $"/api/v1/admin/jobs/{job}/run", new { });
                rows.Add(($"`{job}` sweep", $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| measure ({(postgres ? "PostgreSQL" : "SQLite")}, factor {factor}) | p50 / p99 |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (measure, value) in rows)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }
        if (args.Contains("--keep"))
        {
            // To read the query plans afterwards (EXPLAIN on the SQLite file, or on the PostgreSQL database).
            Console.WriteLine($"Data kept in {data}.");
            return 0;
        }
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private sealed record Templates(
        string OperatorKey, string BookerKey, string Partner, string Convention, string Offer, string Session, string FreshSession,
        string Beneficiary, string Booking, string BeneficiaryInvitation, string GuestInvitation, string Notice);

    private static async Task<Templates> TemplatesAsync(HttpClient http)
    {
        var (convention, _) = await SweepScenario.OriginalsAsync(http, dispute: false);
        var parties = JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/conventions/{convention}")).RootElement;
        var (@operator, partner) = (parties.GetProperty("operatorOrganizationId").GetString()!, parties.GetProperty("partnerOrganizationId").GetString()!);
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "scale" }, "key");
        var bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "scale" }, "key");
        var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre", kind = "cultural-institution", address = Address() }, "id");
        var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
        {
            publisherOrganizationId = publisher, title = "Saison", category = "show", venueName = "Théâtre", city = "Lyon", description = "Échelle",
            sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats = 100_000 }, new { startsAt = DateTimeOffset.UtcNow.AddDays(21), seats = 100_000 } },
        })).RootElement;
        var (session, fresh) = (offer.GetProperty("sessions")[0].GetProperty("id").GetString()!, offer.GetProperty("sessions")[1].GetProperty("id").GetString()!);
        var beneficiary = await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = "Personne" }, "id");
        var booking = JsonDocument.Parse(await PostRaw(http, bookerKey, "/api/v1/bookings", new
        {
            sessionId = session, beneficiaryId = beneficiary, guests = new[] { new { fullName = "Invitée", relation = "family" } },
        })).RootElement;
        var invitations = booking.GetProperty("invitations").EnumerateArray().ToList();
        string Invitation(string role) => invitations.First(i => i.GetProperty("role").GetString() == role).GetProperty("id").GetString()!;
        // The notices of the signatures, stored once the outbox is dispatched (no Hangfire server here).
        await PostRaw(http, AdminKey, "/api/v1/admin/jobs/outbox/run", new { });
        var notice = JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/notices?organizationId={partner}&limit=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        return new Templates(operatorKey, bookerKey, partner, convention, offer.GetProperty("id").GetString()!, session, fresh, beneficiary,
            booking.GetProperty("id").GetString()!, Invitation("beneficiary"), Invitation("guest"), notice);
    }

    /// <summary>The page 20 pages of 200 into a list (its <c>next</c> cursor followed), or null when the list is shorter.</summary>
    private static async Task<string?> DeepAsync(HttpClient http, string key, string url)
    {
        var path = url.Replace("limit=50", "limit=200", StringComparison.Ordinal);
        for (var page = 0; page < 20; page++)
        {
            var next = JsonDocument.Parse(await Get(http, key, path)).RootElement.GetProperty("next");
            if (next.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            path = $"{url.Replace("limit=50", "limit=200", StringComparison.Ordinal)}&cursor={Uri.EscapeDataString(next.GetString()!)}";
        }
        return path;
    }

    private static async Task<(int Status, double P50, double P99)> TimeAsync(HttpClient http, string key, string url, int times)
    {
        var samples = new List<double>();
        var status = 0;
        for (var i = 0; i < times + 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "X-Api-Key", key } } };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
            if (i >= 5)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        samples.Sort();
        return (status, samples[samples.Count / 2], samples[(int)Math.Ceiling(0.99 * samples.Count) - 1]);
    }

    /// <summary>Copies one template row many times in the database, with SQL the provider runs (no round trip per row).</summary>
    private sealed class Cloner(DbConnection connection, bool postgres)
    {
        public string Id(string prefix, string index) => postgres
            ? $"('{prefix.ToLowerInvariant()}-0000-4000-8000-' || lpad(({index})::text, 12, '0'))::uuid"
            : $"printf('{prefix}-0000-4000-8000-%012d', {index})";

        public string Text(string prefix, string index) => postgres ? $"{prefix} || ({index})::text" : $"{prefix} || ({index})";

        /// <summary>An instant <paramref name="seconds"/> seconds before <paramref name="instant"/> (ticks on SQLite).</summary>
        public string SecondsBefore(string instant, string seconds) => postgres
            ? $"{instant} - ({seconds}) * interval '1 second'"
            : $"{instant} - ({seconds}) * 10000000";

        /// <param name="owned">An owned type's table, which has no module prefix on SQLite.</param>
        /// <param name="only">A second column and value narrowing the template to one row (an owned collection's).</param>
        public async Task<long> CloneAsync(
            string module, string table, string keyColumn, string templateId, int count, Dictionary<string, string> overrides, bool owned = false, (string Column, string Id)? only = null)
        {
            var sqliteName = owned ? table : $"{module}_{table}";
            var columns = await ColumnsAsync(module, postgres ? table : sqliteName);
            var name = postgres ? $"{module}.{table}" : $"\"{sqliteName}\"";
            var template = Literal(templateId);
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"src.\"{c}\""));
            var narrow = only is { } o ? $" AND src.\"{o.Column}\" = {Literal(o.Id)}" : string.Empty;
            var insert = $"INSERT INTO {name} ({list}) SELECT {select} FROM n CROSS JOIN {name} src WHERE src.\"{keyColumn}\" = {template}{narrow}";
            return await ExecuteAsync(postgres
                ? $"WITH n(i) AS (SELECT generate_series(1, {count})) {insert}"
                : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) {insert}");
        }

        private string Literal(string id) => postgres ? $"'{id}'::uuid" : $"'{id.ToUpperInvariant()}'";

        public async Task<long> ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            return await command.ExecuteNonQueryAsync();
        }

        private async Task<List<string>> ColumnsAsync(string module, string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = postgres
                ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = '{module}' AND table_name = '{table}' ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}')";
            var columns = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
            return columns;
        }
    }
}
