using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>
/// Costs as data grows (issue 17): real rows made through the API (parties, a signed convention, an offer, a beneficiary,
/// a booking with a guest; La Ruche's venue, premises convention, permanence, appointment and dispute), cloned in the
/// database while the host is down to a network's size (organizations, beneficiaries, offers and sessions, bookings and
/// their invitations, notices, conventions, disputes, occurrences), then every read route with rows to read timed over
/// HTTP on the restarted host (first page and a deep page, 20 pages of 200 in, p50 and p99), the reports, a booking, a
/// cancellation that promotes, and the sweeps (ScaleScenario.Routes.cs). SQLite by default; PostgreSQL with
/// <c>Database__Provider=PostgreSql</c> and <c>ConnectionStrings__Conventions</c> in the environment (an empty
/// database). <c>scale [factor] [--keep] [--no-build]</c>: 1 is the issue's sizes, 0.1 a tenth; --keep leaves the data
/// to read its query plans.
/// </summary>
internal static partial class ScaleScenario
{
    private const string AdminKey = "sweep-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var factor = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        int Size(int n) => Math.Max(10, (int)(n * factor));
        var (organizations, beneficiaries, offers, bookings, notices, conventions) =
            (Size(10_000), Size(100_000), Size(1_000), Size(1_000_000), Size(1_000_000), Size(100_000));
        var (disputes, occurrences) = (Size(100_000), Size(200_000));
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
                ["CreatedAt"] = c.SecondsBefore("src.\"CreatedAt\"", "i"), // its notice's instant
            }));
            await Step("conventions", () => c.CloneAsync("conventions", "conventions", "Id", t.Convention, conventions, new()
            {
                ["Id"] = c.Id("0C000000", "i"), ["PartnerOrganizationId"] = Org("i"), ["DocumentHtml"] = "NULL",
            }));
            // Disputes on the cloned conventions, each with the original's deadlines (their history is not cloned).
            await Step("disputes", () => c.CloneAsync("disputes", "disputes", "Id", t.Dispute, disputes, new()
            {
                ["Id"] = c.Id("0D000000", "i"), ["ConventionId"] = c.Id("0C000000", $"(i - 1) % {conventions} + 1"), ["PartnerOrganizationId"] = Org("i"),
                ["CreatedAt"] = c.SecondsBefore("src.\"CreatedAt\"", "i"), ["UpdatedAt"] = c.SecondsBefore("src.\"UpdatedAt\"", "i"),
            }));
            await Step("dispute deadlines", () => c.CloneAsync("disputes", "dispute_deadlines", "DisputeId", t.Dispute, disputes, new()
            {
                ["DisputeId"] = c.Id("0D000000", "i"),
            }, owned: true));
            // Occurrences over two years back from the permanence's first: one in ten at the real venue under the real
            // convention, the others spread over 1,000 venues and the cloned conventions.
            await Step("occurrences", () => c.CloneAsync("scheduling", "occurrences", "Id", t.Ruche.Occurrence, occurrences, new()
            {
                ["Id"] = c.Id("0CC00000", "i"),
                ["VenueId"] = $"CASE WHEN i % 10 = 0 THEN src.\"VenueId\" ELSE {c.Id("0FE00000", "i % 1000 + 1")} END",
                ["ConventionId"] = $"CASE WHEN i % 10 = 0 THEN src.\"ConventionId\" ELSE {c.Id("0C000000", $"(i - 1) % {conventions} + 1")} END",
                ["PartnerOrganizationId"] = $"CASE WHEN i % 10 = 0 THEN src.\"PartnerOrganizationId\" ELSE {Org("i")} END",
                ["Date"] = c.DaysBefore("src.\"Date\"", "i % 730"),
                ["StartsAt"] = c.SecondsBefore("src.\"StartsAt\"", "(i % 730) * 86400"), ["EndsAt"] = c.SecondsBefore("src.\"EndsAt\"", "(i % 730) * 86400"),
            }));
            // The seat figures were computed over the templates' bookings alone: the first refresh computes them all again.
            await c.ExecuteAsync($"UPDATE {(postgres ? "ticketing.seat_figures_state" : "\"ticketing_seat_figures_state\"")} SET \"BuiltAt\" = NULL");
            var analyze = Stopwatch.StartNew();
            await c.ExecuteAsync("ANALYZE");
            rows.Add(("rows cloned", string.Join("; ", seeded) + $"; ANALYZE {analyze.Elapsed.TotalSeconds:F0} s"));
        }
        rows.Add(("seeding in all", $"{watch.Elapsed.TotalSeconds:F0} s"));
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();

        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, hangfireServer: false))
        {
            await MeasureAsync(host.Http, t, rows);
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
}
