using System.Diagnostics.Metrics;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Observability;

/// <summary>
/// The engine's own measures (meter <c>Conventions.Engine</c>, ADR 0016), beside ASP.NET Core's, HttpClient's and the
/// runtime's: what an operator watches on /metrics or through OTLP.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "Conventions.Engine";

    private readonly Counter<long> _bookings;
    private readonly Histogram<int> _groupCommitSize;
    private readonly Histogram<double> _groupCommitWait;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobItems;
    private readonly Counter<long> _rateLimited;

    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    };

    public EngineMetrics(IMeterFactory meters, IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> modules, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("conventions.bookings", "{booking}", "Bookings by what became of them: confirmed, waitlisted, promoted, cancelled.");
        _groupCommitSize = meter.CreateHistogram("conventions.booking.group_commit.size", "{booking}", "Bookings written in one group-commit transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        _groupCommitWait = meter.CreateHistogram("conventions.booking.group_commit.duration", "s", "From a booking handed to the group commit to its commit.", advice: Seconds);
        _jobDuration = meter.CreateHistogram("conventions.job.duration", "s", "Duration of a background job's run (deadlines, renewals, outbox, notices, backup…).", advice: Seconds);
        _jobItems = meter.CreateCounter<long>("conventions.job.items", "{item}", "Items a job run processed (the deadlines job: transitions applied).");
        _rateLimited = meter.CreateCounter<long>("conventions.rate_limit.refusals", "{request}", "Requests refused with 429 rate.limited.");
        var backlog = new OutboxBacklog(scopes, modules, clock);
        meter.CreateObservableGauge("conventions.outbox.backlog", backlog.Count, "{event}", "Integration events not yet published, every module's outbox.");
        meter.CreateObservableGauge("conventions.outbox.oldest_age", backlog.OldestAge, "s", "Age of the oldest integration event not yet published (0 when none).");
    }

    public void Booking(string outcome, long count = 1)
    {
        if (count > 0)
        {
            _bookings.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void GroupCommit(int size, TimeSpan oldestWait)
    {
        _groupCommitSize.Record(size);
        _groupCommitWait.Record(oldestWait.TotalSeconds);
    }

    public void JobRun(string job, TimeSpan duration, int items)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        _jobDuration.Record(duration.TotalSeconds, tag);
        _jobItems.Add(items, tag);
    }

    public void RateLimited() => _rateLimited.Add(1);

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
                using var scope = scopes.CreateScope();
                foreach (var module in modules)
                {
                    var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                    var pending = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
                    count += pending.LongCount();
                    var first = pending.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefault();
                    oldest = first is { } at && (oldest is null || at < oldest) ? at : oldest;
                }
                return _last = (now, count, oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0);
            }
        }
    }
}
