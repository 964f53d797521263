using System.Diagnostics;

namespace Conventions.Benchmarks;

/// <summary>
/// The booking rate with webhooks on (issue 16): after the first measure without, the structure and the publisher
/// subscribe to every booking event and session.changed (a loopback receiver in this process answers 204), the same
/// load runs on a second hot session, then the subscriptions are deleted and it runs on a third. Prints the three
/// rates, the ratio of the rate with webhooks to the mean of the two without, and how long the deliveries took to drain.
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
        var url = receiver.Url;

        string[] types = ["booking.confirmed", "booking.waitlisted", "booking.promoted", "booking.cancelled", "session.changed"];
        var subscriptions = new List<(string Key, string Id)>();
        foreach (var key in new[] { setup.PartnerKey, setup.PublisherKey })
        {
            var created = System.Text.Json.JsonDocument.Parse(await PostRaw(http, key, "/api/v1/webhooks", new { url, eventTypes = types })).RootElement;
            subscriptions.Add((key, created.GetProperty("webhook").GetProperty("id").GetString()!));
        }
        var on = await DriveAsync(http, setup.BookerKey, setup.MoreHotSessions[0], setup.Beneficiaries, total, clients);
        var drain = Stopwatch.StartNew();
        var expected = 2 * (total - on.Failures);
        while (Volatile.Read(ref received) < expected && drain.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(200);
        }
        var drained = drain.Elapsed;
        foreach (var (key, id) in subscriptions)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}");
            delete.Headers.Add("X-Api-Key", key);
            (await http.SendAsync(delete)).EnsureSuccessStatusCode();
        }
        var off = await DriveAsync(http, setup.BookerKey, setup.MoreHotSessions[1], setup.Beneficiaries, total, clients);

        var onRate = total / on.Elapsed.TotalSeconds;
        var offRate = total / off.Elapsed.TotalSeconds;
        var without = (firstRate + offRate) / 2;
        firstLatencies.Sort();
        on.Latencies.Sort();
        off.Latencies.Sort();
        Console.WriteLine();
        Console.WriteLine("| webhooks | bookings per second | p50 / p99 (ms) |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| off (first) | {firstRate:F0} | {P(firstLatencies, 0.50):F1} / {P(firstLatencies, 0.99):F1} |");
        Console.WriteLine($"| on (structure and publisher subscribed) | {onRate:F0} | {P(on.Latencies, 0.50):F1} / {P(on.Latencies, 0.99):F1} |");
        Console.WriteLine($"| off (after) | {offRate:F0} | {P(off.Latencies, 0.50):F1} / {P(off.Latencies, 0.99):F1} |");
        Console.WriteLine($"| rate with webhooks / mean rate without | {onRate / without:P0} |");
        Console.WriteLine($"| webhooks received / expected | {Volatile.Read(ref received)} / {expected}, drained {drained.TotalSeconds:F1} s after the last booking |");
    }
}
