using System.Collections.Concurrent;
using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Time;
using Hangfire;

namespace Conventions.Host.Jobs;

/// <summary>
/// Runs a job by name, as the system, in its own scope. Hangfire calls it on schedule; admins call it through the API.
/// One run of a given job at a time in this process, and across the hosts of one PostgreSQL database
/// (<see cref="ClusterJobLock"/>); jobs are idempotent besides.
/// </summary>
internal sealed class JobRunner(IServiceScopeFactory scopes, IEnumerable<IJob> jobs, JobTriggerState triggers, ClusterJobLock clusterLock, Conventions.BuildingBlocks.Observability.EngineMetrics metrics)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public IReadOnlyList<string> Names => jobs.Select(j => j.Name).ToList();

    /// <summary>The jobs run once at start to catch up (every job but the backup).</summary>
    public IReadOnlyList<string> CatchUpNames => jobs.Where(j => j.CatchUpAtStart).Select(j => j.Name).ToList();

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var job = jobs.SingleOrDefault(j => j.Name == name)
            ?? throw new NotFoundException("job.unknown", $"No job named '{name}'. Jobs: {string.Join(", ", jobs.Select(j => j.Name))}.");
        triggers.Started(name);
        var gate = Gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            IAsyncDisposable? cluster;
            try
            {
                cluster = await clusterLock.AcquireAsync(name, cancellationToken);
            }
            catch (JobRunningElsewhereException)
            {
                return 0;
            }
            await using var held = cluster;
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
            var scoped = scope.ServiceProvider.GetServices<IJob>().Single(j => j.Name == name);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var items = await scoped.RunAsync(cancellationToken);
            metrics.JobRun(name, System.Diagnostics.Stopwatch.GetElapsedTime(started), items);
            return items;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Registers every job's recurring schedule, on Europe/Paris time.</summary>
    public void RegisterRecurringJobs(IRecurringJobManager manager)
    {
        foreach (var job in jobs)
        {
            var name = job.Name;
            manager.AddOrUpdate<JobRunner>(name, runner => runner.RunAsync(name, CancellationToken.None), job.Cron,
                new RecurringJobOptions { TimeZone = ParisTime.Zone });
        }
    }
}

/// <summary>Remembers which jobs already have a run waiting, so a burst of commands enqueues one run, not thousands.</summary>
internal sealed class JobTriggerState
{
    private readonly ConcurrentDictionary<string, byte> _waiting = new();

    public bool TryMarkWaiting(string name) => _waiting.TryAdd(name, 0);

    public void Started(string name) => _waiting.TryRemove(name, out _);
}

/// <summary>Enqueues jobs on Hangfire; when no Hangfire server runs here (tests), the recurring sweep or an admin call runs them.</summary>
internal sealed partial class HangfireJobs(IBackgroundJobClient client, JobTriggerState state, IConfiguration configuration, TimeProvider clock, ILogger<HangfireJobs> logger) : IJobTrigger, IJobScheduler
{
    private readonly bool _serverEnabled = configuration.GetValue("Hangfire:ServerEnabled", true);

    /// <summary>
    /// Never throws: a trigger only brings a run forward, and the job's recurring schedule catches up if Hangfire's storage
    /// refuses the enqueue. Its callers have committed already (a booking group, a unit of work): a failure here must not
    /// make them fail, or write again, what is stored.
    /// </summary>
    public void Trigger(string jobName)
    {
        if (_serverEnabled && state.TryMarkWaiting(jobName))
        {
            try
            {
                client.Enqueue<JobRunner>(runner => runner.RunAsync(jobName, CancellationToken.None));
            }
            catch (Exception exception)
            {
                // Not waiting after all: the next trigger tries again.
                state.Started(jobName);
                LogTriggerFailed(logger, exception, jobName);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not be enqueued or scheduled; its recurring schedule will run it")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string job);

    /// <summary>
    /// One scheduled run per job and instant: a sweep that sets the same deadline for thousands of disputes schedules
    /// one run at that time, not thousands. Runs already scheduled are remembered for this process only; after a
    /// restart an instant may be scheduled once more, which is harmless (jobs are idempotent). Never throws either: a job
    /// given a due time also runs on its recurring schedule (the deadlines every quarter of an hour), which catches up.
    /// </summary>
    public void Schedule(string jobName, DateTimeOffset at)
    {
        if (_serverEnabled && _scheduled.TryAdd((jobName, at.UtcTicks), 0))
        {
            try
            {
                ScheduleOnce(jobName, at);
            }
            catch (Exception exception)
            {
                _scheduled.TryRemove((jobName, at.UtcTicks), out _);
                LogTriggerFailed(logger, exception, jobName);
            }
        }
    }

    private void ScheduleOnce(string jobName, DateTimeOffset at)
    {
        if (_scheduled.Count > 10_000)
        {
            var past = clock.GetUtcNow().UtcTicks;
            foreach (var key in _scheduled.Keys.Where(k => k.AtUtcTicks < past))
            {
                _scheduled.TryRemove(key, out _);
            }
        }
        client.Schedule<JobRunner>(runner => runner.RunAsync(jobName, CancellationToken.None), at);
    }

    private readonly ConcurrentDictionary<(string Job, long AtUtcTicks), byte> _scheduled = new();
}
