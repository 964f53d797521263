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
    /// Drill 4 (issue 16): a structure subscribed to its bookings; a burst of bookings, the host killed (-9) right after
    /// the last is acknowledged, while its events are still being delivered; restarted on the same database. Every
    /// acknowledged booking reaches the receiver (at least once: a delivery cut by the kill may come twice, with the same
    /// webhook-id), none is lost.
    /// </summary>
    private static async Task WebhooksSurviveAKillAsync(string hostDll, List<string> failures)
    {
        Console.WriteLine("Drill 4: kill -9 while webhooks are being delivered.");
        var received = new ConcurrentDictionary<string, int>();
        var messageIds = new ConcurrentDictionary<string, byte>();
        await using var receiver = await LoopbackReceiver.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            received.AddOrUpdate(body.GetProperty("data").GetProperty("bookingId").GetString()!, 1, (_, n) => n + 1);
            messageIds.TryAdd(context.Request.Headers["webhook-id"].ToString(), 0);
        });
        var url = receiver.Url;
        var settings = new Dictionary<string, string> { ["Webhooks__AllowLoopback"] = "true" };

        var data = NewDataDirectory();
        var acknowledged = new ConcurrentBag<string>();
        int beforeKill;
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, settings: settings))
        {
            var http = host.Http;
            var (operatorKey, @operator, partner) = await PartiesAsync(http, "Structure sociale (drill 4)");
            await SignedCultureConventionAsync(http, operatorKey, @operator, partner);
            var bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "drill 4" }, "key");
            var partnerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "partner", label = "drill 4" }, "key");
            await PostRaw(http, partnerKey, "/api/v1/webhooks", new { url, eventTypes = new[] { "booking.confirmed", "booking.waitlisted" } });
            var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre (drill 4)", kind = "cultural-institution", address = Address() }, "id");
            var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
            {
                publisherOrganizationId = publisher, title = "Saison", category = "show", venueName = "Théâtre", city = "Lyon", description = "Drill",
                sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats = 400 } },
            })).RootElement;
            var session = offer.GetProperty("sessions")[0].GetProperty("id").GetString()!;
            var beneficiaries = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                beneficiaries.Add(await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = $"Personne {i}" }, "id"));
            }
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < 800)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
                    {
                        Content = new StringContent(JsonSerializer.Serialize(new { sessionId = session, beneficiaryId = beneficiaries[next % beneficiaries.Count] }), Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("X-Api-Key", bookerKey);
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
                    }
                }
            }));
            host.Kill();
            beforeKill = received.Count;
        }
        Console.WriteLine($"  {acknowledged.Count} bookings acknowledged; {beforeKill} delivered when the host was killed.");

        var watch = Stopwatch.StartNew();
        await using (var host = await HostProcess.StartAsync(hostDll, data, TimeSpan.Zero, AdminKey, settings: settings))
        {
            await WaitForAsync(() => Task.FromResult(acknowledged.All(received.ContainsKey)), TimeSpan.FromSeconds(90));
        }
        var missing = acknowledged.Count(id => !received.ContainsKey(id));
        var twice = received.Values.Count(n => n > 1);
        Console.WriteLine($"  after the restart: {acknowledged.Count - missing} of {acknowledged.Count} delivered within {watch.Elapsed.TotalSeconds:F1} s; {twice} received twice (same webhook-id: {messageIds.Count} distinct ids); {missing} missing.");
        Check(failures, acknowledged.Count == 800, $"drill 4: {acknowledged.Count} of 800 bookings acknowledged");
        Check(failures, missing == 0, $"drill 4: {missing} acknowledged bookings never reached the webhook receiver");
        Check(failures, messageIds.Count == received.Count, $"drill 4: {messageIds.Count} webhook ids for {received.Count} bookings (a retry must keep its id)");
        Cleanup(data);
    }
}
