using System.Diagnostics;

namespace Conventions.Benchmarks;

/// <summary>
/// The booking rate with webhooks on (issue 16): on one host, five measures of the same load alternate without and with
/// the structure and the publisher subscribed to every booking event and session.changed (a loopback receiver in this
/// process answers 204): off, on, off, on, off, each on a hot session of its own. The database grows from one measure to
/// the next, so alternating keeps that drift out of the comparison. Prints each rate, the ratio of the mean rate with
/// webhooks to the mean without, and how long each "on" measure's deliveries took to drain.
/// </summary>
internal static partial class LoadDriver
{
    private static async Task CompareWebhooksAsync(HttpClient http, Setup setup, int total, int clients, double firstRate, List<double> firstLatencies)
    {
        var received = 0;
        await using var receiver = await LoopbackReceiver.StartAsync(_ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        });
        string[] types = ["booking.confirmed", "booking.waitlisted", "booking.promoted", "booking.cancelled", "session.changed"];
        firstLatencies.Sort();
        var rows = new List<(string Phase, double Rate, List<double> Latencies, string Drain)> { ("off", firstRate, firstLatencies, "") };
        for (var phase = 0; phase < 4; phase++)
        {
            var on = phase % 2 == 0;
            var subscriptions = new List<(string Key, string Id)>();
            if (on)
            {
                foreach (var key in new[] { setup.PartnerKey, setup.PublisherKey })
                {
                    var created = System.Text.Json.JsonDocument.Parse(await PostRaw(http, key, "/api/v1/webhooks", new { url = receiver.Url, eventTypes = types })).RootElement;
                    subscriptions.Add((key, created.GetProperty("webhook").GetProperty("id").GetString()!));
                }
            }
            var before = Volatile.Read(ref received);
            var run = await DriveAsync(http, setup.BookerKey, setup.MoreHotSessions[phase], setup.Beneficiaries, total, clients);
            var drain = "";
            if (on)
            {
                var expected = before + (2 * (total - run.Failures));
                var watch = Stopwatch.StartNew();
                while (Volatile.Read(ref received) < expected && watch.Elapsed < TimeSpan.FromMinutes(3))
                {
                    await Task.Delay(200);
                }
                drain = $"{Volatile.Read(ref received) - before} / {expected - before} in {watch.Elapsed.TotalSeconds:F1} s";
                foreach (var (key, id) in subscriptions)
                {
                    using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}");
                    delete.Headers.Add("X-Api-Key", key);
                    (await http.SendAsync(delete)).EnsureSuccessStatusCode();
                }
            }
            run.Latencies.Sort();
            rows.Add((on ? "on" : "off", total / run.Elapsed.TotalSeconds, run.Latencies, drain));
        }
        Console.WriteLine();
        Console.WriteLine("| measure | webhooks | bookings per second | p50 / p99 (ms) | deliveries drained after the last booking |");
        Console.WriteLine("| ---: | --- | ---: | ---: | --- |");
        for (var i = 0; i < rows.Count; i++)
        {
            var (phase, rate, latencies, drain) = rows[i];
            Console.WriteLine($"| {i + 1} | {phase} | {rate:F0} | {P(latencies, 0.50):F1} / {P(latencies, 0.99):F1} | {drain} |");
        }
        var meanOn = rows.Where(r => r.Phase == "on").Average(r => r.Rate);
        var meanOff = rows.Where(r => r.Phase == "off").Average(r => r.Rate);
        Console.WriteLine($"| mean rate with webhooks / mean rate without | {meanOn:F0} / {meanOff:F0} = {meanOn / meanOff:P0} |");
    }
}
