using System.Diagnostics.Metrics;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Observability;

/// <summary>
/// The engine's own measures (meter <c>Conventions.Engine</c>, ADR 0016), beside ASP.NET Core's, HttpClient's and the
/// runtime's: what an operator watches on /metrics or through OTLP.
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "Conventions.Engine";

    // One meter for the process. OpenTelemetry listens to meters by name: a meter per host (IMeterFactory) would make
    // every host after the first in one process (the test hosts) a duplicate whose measurements are dropped.
    private static readonly Meter Meter = new(MeterName);

    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    };

    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("conventions.bookings", "{booking}", "Bookings by what became of them: confirmed, waitlisted, promoted, cancelled.");
    private static readonly Histogram<int> GroupCommitSize = Meter.CreateHistogram("conventions.booking.group_commit.size", "{booking}", "Bookings written in one group-commit transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
    private static readonly Histogram<double> GroupCommitWait = Meter.CreateHistogram("conventions.booking.group_commit.duration", "s", "From a booking handed to the group commit to its commit.", advice: Seconds);
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram("conventions.job.duration", "s", "Duration of a background job's run (deadlines, renewals, outbox, notices, backup…).", advice: Seconds);
    private static readonly Counter<long> JobItems = Meter.CreateCounter<long>("conventions.job.items", "{item}", "Items a job run processed (the deadlines job: transitions applied).");
    private static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("conventions.rate_limit.refusals", "{request}", "Requests refused with 429 rate.limited.");

    /// <summary>The outbox readers of the hosts alive in this process (one in production).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OutboxBacklog, byte> Backlogs = new();

    /// <summary>The modules' queues of the hosts alive in this process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<QueueReader, byte> Queues = new();

    static EngineMetrics()
    {
        Meter.CreateObservableGauge("conventions.outbox.backlog", () => Backlogs.Keys.Sum(b => b.Count()), "{event}", "Integration events not yet published, every module's outbox.");
        Meter.CreateObservableGauge("conventions.outbox.oldest_age", () => Backlogs.Keys.Select(b => b.OldestAge()).DefaultIfEmpty(0).Max(), "s", "Age of the oldest integration event not yet published (0 when none).");
        Meter.CreateObservableGauge("conventions.queue.backlog", () => QueueMeasurements(r => r.Due), "{item}",
            "Items due now in a module's queue (queue=notices: notices to send; queue=webhooks: deliveries to post).");
        Meter.CreateObservableGauge("conventions.queue.oldest_age", () => QueueMeasurements(r => r.OldestAge), "s",
            "How long the oldest item due in a module's queue has waited (0 when none).");
    }

    private static IEnumerable<Measurement<double>> QueueMeasurements(Func<(double Due, double OldestAge), double> pick) =>
        Queues.Keys.SelectMany(q => q.Read()).GroupBy(r => r.Queue)
            .Select(g => new Measurement<double>(g.Max(r => pick((r.Due, r.OldestAge))), new KeyValuePair<string, object?>("queue", g.Key)));

    private readonly OutboxBacklog _backlog;
    private readonly QueueReader _queues;

    public EngineMetrics(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> modules, TimeProvider clock, IEnumerable<IQueueBacklog> queues)
    {
        _backlog = new OutboxBacklog(scopes, modules, clock);
        Backlogs[_backlog] = 0;
        _queues = new QueueReader(scopes, [.. queues], clock);
        Queues[_queues] = 0;
    }

    public void Dispose()
    {
        Backlogs.TryRemove(_backlog, out _);
        Queues.TryRemove(_queues, out _);
    }

    /// <summary>Each module queue's items due now and the age of the oldest (read at most every 10 s).</summary>
    public IReadOnlyList<(string Queue, double Due, double OldestAge)> QueuesNow() => _queues.Read();

    public void Booking(string outcome, long count = 1)
    {
        if (count > 0)
        {
            Bookings.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void GroupCommit(int size, TimeSpan oldestWait)
    {
        GroupCommitSize.Record(size);
        GroupCommitWait.Record(oldestWait.TotalSeconds);
    }

    public void JobRun(string job, TimeSpan duration, int items)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        JobDuration.Record(duration.TotalSeconds, tag);
        JobItems.Add(items, tag);
    }

    public void RateLimited() => RateLimitRefusals.Add(1);

    /// <summary>Events not yet published in every module's outbox, and the age of the oldest (read at most every 10 s).</summary>
    public (long Count, double OldestAgeSeconds) OutboxBacklogNow() => (_backlog.Count(), _backlog.OldestAge());

    /// <summary>The outboxes' backlog, read at most every 10 seconds whatever the scrape rate.</summary>
    private sealed class OutboxBacklog(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> modules, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private (DateTimeOffset At, long Count, double OldestAge) _last = (DateTimeOffset.MinValue, 0, 0);

        public long Count() => Read().Count;

        public double OldestAge() => Read().OldestAge;

        private (DateTimeOffset At, long Count, double OldestAge) Read()
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now - _last.At < TimeSpan.FromSeconds(10))
                {
                    return _last;
                }
                long count = 0;
                DateTimeOffset? oldest = null;
                try
                {
                    using var scope = scopes.CreateScope();
                    foreach (var module in modules)
                    {
                        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
                        count += pending.LongCount();
                        var first = pending.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefault();
                        oldest = first is { } at && (oldest is null || at < oldest) ? at : oldest;
                    }
                }
                catch (ObjectDisposedException)
                {
                    // A host shutting down: its services are gone before its metrics leave the meter. Its last figures stand.
                    return _last;
                }
                return _last = (now, count, oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0);
            }
        }
    }

    /// <summary>The modules' queues, read at most every 10 seconds whatever the scrape rate.</summary>
    private sealed class QueueReader(IServiceScopeFactory scopes, IReadOnlyList<IQueueBacklog> queues, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private (DateTimeOffset At, IReadOnlyList<(string Queue, double Due, double OldestAge)> Values) _last = (DateTimeOffset.MinValue, []);

        public IReadOnlyList<(string Queue, double Due, double OldestAge)> Read()
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now - _last.At < TimeSpan.FromSeconds(10))
                {
                    return _last.Values;
                }
                var values = new List<(string, double, double)>();
                try
                {
                    using var scope = scopes.CreateScope();
                    foreach (var queue in queues)
                    {
                        var (due, oldest) = queue.ReadAsync(scope.ServiceProvider, now, CancellationToken.None).GetAwaiter().GetResult();
                        values.Add((queue.Queue, due, oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0));
                    }
                }
                catch (ObjectDisposedException)
                {
                    // As for the outboxes: a host shutting down keeps its last figures.
                    return _last.Values;
                }
                _last = (now, values);
                return values;
            }
        }
    }
}
