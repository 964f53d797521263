using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

internal static partial class FaultDrill
{
    /// <summary>
    /// Drill 3 (issue 20): a backup taken while bookings go on, brought back with the host's <c>restore</c> command into a
    /// new data folder; a host started on it has every booking acknowledged before the backup began. The restore is
    /// refused while a host runs on the folder.
    /// </summary>
    private static async Task BackupUnderLoadRestoresAsync(string hostDll, List<string> failures)
    {
        Console.WriteLine("Drill 3: a backup under booking load, restored into a new data folder.");
        var (data, restored) = (NewDataDirectory(), NewDataDirectory());
        var acknowledged = new ConcurrentQueue<(string Id, long At)>();
        long backupStarted;
        string bookerKey;
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey))
        {
            var http = host.Http;
            var (operatorKey, @operator, partner) = await PartiesAsync(http, "Structure sociale (drill 3)");
            await SignedCultureConventionAsync(http, operatorKey, @operator, partner);
            bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "drill 3" }, "key");
            var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre (drill 3)", kind = "cultural-institution", address = Address() }, "id");
            var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
            {
                publisherOrganizationId = publisher, title = "Saison", category = "show", venueName = "Théâtre", city = "Lyon", description = "Drill",
                sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats = 100_000 } },
            })).RootElement;
            var session = offer.GetProperty("sessions")[0].GetProperty("id").GetString()!;
            var beneficiaries = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                beneficiaries.Add(await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne {i}" }, "id"));
            }

            using var stop = new CancellationTokenSource();
            var next = -1;
            var clients = Enumerable.Range(0, 8).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref next);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
                    {
                        Content = new StringContent(JsonSerializer.Serialize(new { sessionId = session, beneficiaryId = beneficiaries[i % beneficiaries.Count] }), Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("X-Api-Key", bookerKey);
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        failures.Add($"drill 3: a booking was answered {(int)response.StatusCode}: {text}");
                        return;
                    }
                    acknowledged.Enqueue((JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!, Stopwatch.GetTimestamp()));
                }
            }).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            backupStarted = Stopwatch.GetTimestamp();
            await PostRaw(http, AdminKey, "/api/v1/admin/jobs/backup/run", new { });
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }
        var before = acknowledged.Where(a => a.At < backupStarted).Select(a => a.Id).ToList();
        var archive = Directory.GetFiles(Path.Combine(data, "backups"), "conventions-*.db.gz").OrderBy(f => f, StringComparer.Ordinal).Last();
        Console.WriteLine($"  backup {Path.GetFileName(archive)} taken under load: {before.Count} bookings acknowledged before it began, {acknowledged.Count} in all.");

        var (exit, output) = await HostCommandAsync(hostDll, restored, "restore", archive);
        Check(failures, exit == 0, $"drill 3: restore exited {exit}: {output}");
        await using (var host = await HostProcess.StartAsync(hostDll, restored, TimeSpan.Zero, AdminKey))
        {
            var (refusedExit, refusal) = await HostCommandAsync(hostDll, restored, "restore", archive);
            Check(failures, refusedExit == 2 && refusal.Contains("A host is running", StringComparison.Ordinal), $"drill 3: a restore under a running host was not refused ({refusedExit}): {refusal}");
            var missing = 0;
            foreach (var id in before)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/bookings/{id}");
                request.Headers.Add("X-Api-Key", bookerKey);
                using var response = await host.Http.SendAsync(request);
                missing += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }
            Console.WriteLine($"  restored with the host's restore command and started: {before.Count - missing} of {before.Count} found; a second restore under the running host refused.");
            Check(failures, before.Count > 0 && missing == 0, $"drill 3: {missing} of {before.Count} bookings acknowledged before the backup are missing after the restore");
        }
        Cleanup(data);
        Cleanup(restored);
    }

    /// <summary>Runs the host's command line (<c>restore …</c>) on a data folder; its exit code and output.</summary>
    private static async Task<(int Exit, string Output)> HostCommandAsync(string hostDll, string data, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "FaultDrill";
        start.Environment["Database__DataDirectory"] = data;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }
}
