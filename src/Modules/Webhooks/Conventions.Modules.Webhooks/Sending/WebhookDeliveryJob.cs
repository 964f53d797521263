using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Webhooks.Sending;

/// <summary>
/// The <c>webhooks</c> job: posts the deliveries that are due (new ones and retries), a few at once, each signed with
/// the Standard Webhooks headers, answered within the timeout, redirects not followed. A 2xx is a success; anything
/// else, or no answer, is retried by <see cref="RetrySchedule"/>; a subscription failing for 3 days is disabled and its
/// organization is told by notice (<see cref="WebhookDisabledNotice"/>).
/// </summary>
internal sealed partial class WebhookDeliveryJob(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    WebhookSecrets secrets,
    IOptions<WebhookSettings> settings,
    TimeProvider clock,
    ForegroundLoad load,
    ILogger<WebhookDeliveryJob> logger) : IJob
{
    public const string JobName = "webhooks";

    /// <summary>The named HTTP client (its handler applies <see cref="WebhookDestinations"/>).</summary>
    public const string Client = "webhooks";

    private const int BatchSize = 100;

    public string Name => JobName;

    public string Cron => "* * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        // Bounded: deliveries that fall due while this run works wait for the next run.
        for (var batch = 0; batch < 200; batch++)
        {
            var started = Stopwatch.GetTimestamp();
            var (succeeded, taken) = await RunBatchAsync(cancellationToken);
            delivered += succeeded;
            await load.YieldAsync(Stopwatch.GetElapsedTime(started), cancellationToken);
            if (taken < BatchSize)
            {
                break;
            }
        }
        return delivered;
    }

    private async Task<(int Succeeded, int Taken)> RunBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .Join(db.Subscriptions.Where(s => s.Status == WebhookStatus.Active), d => d.SubscriptionId, s => s.Id, (d, s) => d)
            .OrderBy(d => d.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }
        var subscriptionIds = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var client = clients.CreateClient(Client);
        // Each secret decrypted once for the batch, not once per delivery.
        var revealed = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(Math.Max(1, settings.Value.Parallelism));
        var outcomes = await Task.WhenAll(due.Select(async delivery =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await SendAsync(client, subscriptions[delivery.SubscriptionId], delivery, revealed, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var succeeded = 0;
        var disabled = new List<WebhookSubscription>();
        for (var i = 0; i < due.Count; i++)
        {
            var (delivery, outcome) = (due[i], outcomes[i]);
            var subscription = subscriptions[delivery.SubscriptionId];
            if (outcome.Success)
            {
                delivery.Succeed(outcome.StatusCode!.Value, outcome.DurationMs, outcome.At);
                subscription.Succeeded(outcome.At);
                succeeded++;
                continue;
            }
            delivery.Fail(outcome.StatusCode, outcome.Error!, outcome.DurationMs, outcome.At, (Random.Shared.NextDouble() * 2) - 1);
            LogFailed(logger, delivery.MessageId, subscription.Id, outcome.StatusCode, outcome.Error!);
            if (subscription.Failed(delivery, outcome.At))
            {
                disabled.Add(subscription);
            }
        }
        foreach (var subscription in disabled)
        {
            LogDisabled(logger, subscription.Id, subscription.OrganizationId);
            await scope.ServiceProvider.GetRequiredService<WebhookDisabledNotice>().PublishAsync(db, subscription, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (succeeded, due.Count);
    }

    private async Task<Outcome> SendAsync(
        HttpClient client, WebhookSubscription subscription, WebhookDelivery delivery, System.Collections.Concurrent.ConcurrentDictionary<string, string> revealed, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var timestamp = at.ToUnixTimeSeconds();
            var signingSecrets = subscription.SigningSecrets(at).Select(s => revealed.GetOrAdd(s, secrets.Reveal));
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", delivery.MessageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSecrets.Signature(signingSecrets, delivery.MessageId, timestamp, delivery.Payload));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Conventions-Webhooks", "1.0"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.Value.TimeoutSeconds));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var duration = Elapsed(started);
            return response.IsSuccessStatusCode
                ? new Outcome(true, status, null, duration, at)
                : new Outcome(false, status, status is >= 300 and < 400 ? $"Redirect to {response.Headers.Location} not followed." : $"HTTP {status}.", duration, at);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, null, $"No answer within {settings.Value.TimeoutSeconds} s.", Elapsed(started), at);
        }
        catch (HttpRequestException exception)
        {
            return new Outcome(false, null, exception.Message, Elapsed(started), at);
        }
    }

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Outcome(bool Success, int? StatusCode, string? Error, int DurationMs, DateTimeOffset At);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {MessageId} to subscription {SubscriptionId} failed ({StatusCode}): {Error}")]
    private static partial void LogFailed(ILogger logger, string messageId, Guid subscriptionId, int? statusCode, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} of organization {OrganizationId} disabled after 3 days of failures")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, Guid organizationId);
}
