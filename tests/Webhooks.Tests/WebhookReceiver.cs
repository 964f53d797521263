using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Webhooks.Tests;

/// <summary>One request the receiver got: the Standard Webhooks headers and the raw body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public JsonElement Data => Json.GetProperty("data");
}

/// <summary>
/// A portal's endpoint, as a minimal Kestrel app on a loopback port: it records what it receives and answers with the
/// status codes it is told (200 once those run out). It checks nothing itself: <see cref="Verify"/> does, with its own
/// implementation of the Standard Webhooks scheme (not the engine's).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                body));
            var status = receiver._answers.TryDequeue(out var next) ? next : 200;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            }
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>The next answers, in order (then 200 again).</summary>
    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue((int)status);
        }
    }

    /// <summary>True while answers given with <see cref="AnswerNext"/> are still to be used.</summary>
    public bool AnswerPending => !_answers.IsEmpty;

    /// <summary>Forgets the answers still to be used: the receiver answers 200 again.</summary>
    public void ClearAnswers() => _answers.Clear();

    public IReadOnlyList<ReceivedWebhook> OfType(string type) => Received.Where(r => r.Type == type).ToList();

    /// <summary>
    /// Standard Webhooks verification, written from the specification: the secret's bytes (base64 after <c>whsec_</c>)
    /// key an HMAC-SHA256 of <c>id.timestamp.body</c>; the header holds space-separated <c>v1,&lt;base64&gt;</c>
    /// signatures, one of which must match (compared in constant time).
    /// </summary>
    public static bool Verify(ReceivedWebhook webhook, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}"));
        return webhook.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Convert.FromBase64String(s[3..]))
            .Any(given => CryptographicOperations.FixedTimeEquals(given, expected));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
