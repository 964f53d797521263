using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>
/// Times the <c>deadlines</c> and <c>renewals</c> sweeps of the real host over 100,000 conventions and 100,000 open
/// disputes: with nothing due, then with 10,000 items due (the host restarted with its clock moved past their dates).
/// One real convention and dispute are made through the API, then cloned in the SQLite file while the host is down.
/// The Hangfire server is off, so only the timed runs (POST /api/v1/admin/jobs/{name}/run) apply anything.
/// </summary>
internal static class SweepScenario
{
    private const string AdminKey = "sweep-admin-key";
    private const int Rows = 100_000;
    private const int Due = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRoot();
        // --host <folder>: a published host (e.g. the ReadyToRun publish the Dockerfile makes) instead of the build output.
        var published = Array.IndexOf(args, "--host") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
        if (published is null && !args.Contains("--no-build"))
        {
            await LoadDriver.RunAsync("dotnet", $"build \"{Path.Combine(root, "src", "Host")}\" -c Release -v q -nologo", root);
        }
        var hostDll = published is null
            ? Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Conventions.Host.dll")
            : Path.Combine(published, "Conventions.Host.dll");
        var data = Path.Combine(Path.GetTempPath(), "conventions-sweeps", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var rows = new List<(string Measure, string Value)>();
        string conventionId, disputeId;
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, hangfireServer: false))
        {
            (conventionId, disputeId) = await OriginalsAsync(host.Http);
        }

        var file = Path.Combine(data, "conventions.db");
        var watch = Stopwatch.StartNew();
        var conventionDue = Clone(file, conventionId, disputeId);
        SqliteConnection.ClearAllPools();
        rows.Add(("rows cloned (conventions + disputes with their deadlines)", $"{Rows:N0} + {Rows:N0} in {watch.Elapsed.TotalSeconds:F1} s"));

        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, hangfireServer: false))
        {
            foreach (var job in new[] { "deadlines", "renewals" })
            {
                var times = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var (processed, ms) = await RunJobAsync(host.Http, job);
                    times.Add(ms);
                    if (processed != 0)
                    {
                        Console.Error.WriteLine($"{job}: {processed} processed with nothing due.");
                        return 1;
                    }
                }
                times.Sort();
                rows.Add(($"`{job}` sweep, nothing due over {Rows:N0} rows (median of 5, over HTTP)", $"{times[2]:F1} ms (min {times[0]:F1})"));
            }
        }

        // The explanation deadline is 15 days after notification (moved to a working day): 20 days later it is due.
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.FromDays(20), AdminKey, hangfireServer: false))
        {
            var (processed, ms) = await RunJobAsync(host.Http, "deadlines");
            rows.Add(($"`deadlines`: due transitions applied, with their notices written to the outbox", $"{processed:N0} in {ms / 1000:F2} s"));
            var (dispatched, outboxMs) = await RunJobAsync(host.Http, "outbox");
            rows.Add(("`outbox`: those events dispatched (notices stored by the Notices module)", $"{dispatched:N0} in {outboxMs / 1000:F2} s"));
        }
        var renewalOffset = conventionDue.ToDateTime(new TimeOnly(12, 0)) - DateTime.UtcNow.Date + TimeSpan.FromDays(1);
        await using (var host = await HostProcess.StartAsync(hostDll, data, renewalOffset, AdminKey, hangfireServer: false))
        {
            var (processed, ms) = await RunJobAsync(host.Http, "renewals");
            rows.Add(($"`renewals`: conventions due on {conventionDue:yyyy-MM-dd} processed", $"{processed:N0} in {ms / 1000:F2} s"));
        }

        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (measure, value) in rows)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    /// <summary>Parties, a signed convention and (unless <paramref name="dispute"/> is false) an open dispute on it.</summary>
    internal static async Task<(string Convention, string Dispute)> OriginalsAsync(HttpClient http, bool dispute = true)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var @operator = await Post(http, AdminKey, "/api/v1/organizations", new { name = "ALLIES – Culture pour tous", kind = "association", address = Address() }, "id");
        // The platform admin makes ALLIES the operator of Culture pour tous (its operator-admin keys act within it).
        await Post(http, AdminKey, "/api/v1/programs/culture-pour-tous/operators", new { organizationId = @operator }, "key");
        await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/contacts", new { fullName = "Référente", email = "referente@operateur.example", roles = new[] { "referent" } }, "id");
        var partner = await Post(http, AdminKey, "/api/v1/organizations", new { name = "Structure sociale", kind = "social-service", address = Address() }, "id");
        await Post(http, AdminKey, $"/api/v1/organizations/{partner}/contacts", new { fullName = "Référent", email = "referent@partenaire.example", roles = new[] { "referent" } }, "id");
        var seasonStart = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 10, 1);
        var convention = await Post(http, AdminKey, "/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = @operator, partnerOrganizationId = partner,
            startsOn = seasonStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endsOn = seasonStart.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place = "Lyon", operatorSignatory = new { fullName = "A", title = "Présidente" }, partnerSignatory = new { fullName = "B", title = "Directrice" },
        }, "id");
        await Post(http, AdminKey, $"/api/v1/conventions/{convention}/send-for-signature", new { }, "id");
        // The operator's side signs through an operator-admin key of its own organization (issue 18).
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "sweep" }, "key");
        await SignBothAsync(http, operatorKey, @operator, partner, convention);
        if (!dispute)
        {
            return (convention, string.Empty);
        }
        var disputeId = await Post(http, AdminKey, "/api/v1/disputes", new
        {
            conventionId = convention, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées.",
            notice = new { channel = "simple-letter", notifiedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        }, "id");
        return (convention, disputeId);
    }

    /// <summary>
    /// Clones the convention and the dispute (with its deadlines) to <see cref="Rows"/> each: <see cref="Due"/> of each
    /// (the original included) keep the original's next due date, the others are due in 2099. Returns the conventions' due date.
    /// </summary>
    private static DateOnly Clone(string file, string conventionId, string disputeId)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        string Table(string suffix) => (string)Scalar(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND (name = '{suffix}' OR name LIKE '%\\_{suffix}' ESCAPE '\\') ORDER BY length(name) LIMIT 1")!;
        var conventions = Table("conventions");
        var disputes = Table("disputes");
        var deadlines = Table("dispute_deadlines");
        using var transaction = connection.BeginTransaction();
        // Ids: uppercase GUID text, as EF stores them; the first group tells the table, the last the row.
        CloneRows(connection, conventions, "Id", conventionId.ToUpperInvariant(), "C0000000");
        CloneRows(connection, disputes, "Id", disputeId.ToUpperInvariant(), "D0000000");
        CloneRows(connection, deadlines, "DisputeId", disputeId.ToUpperInvariant(), "D0000000");
        Execute(connection, $"UPDATE \"{conventions}\" SET NextDueOn = '2099-01-01' WHERE Id LIKE 'C0000000-%' AND CAST(substr(Id, 25) AS INTEGER) >= {Due}");
        Execute(connection, $"UPDATE \"{disputes}\" SET NextDueOn = '2099-01-01' WHERE Id LIKE 'D0000000-%' AND CAST(substr(Id, 25) AS INTEGER) >= {Due}");
        transaction.Commit();
        var due = (string)Scalar(connection, $"SELECT NextDueOn FROM \"{conventions}\" WHERE Id = '{conventionId.ToUpperInvariant()}'")!;
        Execute(connection, "ANALYZE;");
        return DateOnly.Parse(due, CultureInfo.InvariantCulture);
    }

    /// <summary>Copies the rows whose <paramref name="keyColumn"/> is <paramref name="original"/>, Rows - 1 times, with new keys.</summary>
    private static void CloneRows(SqliteConnection connection, string table, string keyColumn, string original, string prefix)
    {
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(1));
            }
        }
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var select = string.Join(", ", columns.Select(c => c == keyColumn ? $"printf('{prefix}-0000-4000-8000-%012d', n.i)" : $"src.\"{c}\""));
        Execute(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows - 1})
            INSERT INTO "{table}" ({list}) SELECT {select} FROM n CROSS JOIN "{table}" src WHERE src."{keyColumn}" = '{original}';
            """);
    }

    private static async Task<(int Processed, double Milliseconds)> RunJobAsync(HttpClient http, string job)
    {
        var started = Stopwatch.GetTimestamp();
        var text = await PostRaw(http, AdminKey, $"/api/v1/admin/jobs/{job}/run", new { });
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (JsonDocument.Parse(text).RootElement.GetProperty("processed").GetInt32(), ms);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }
}
