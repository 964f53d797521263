namespace Conventions.BuildingBlocks.Jobs;

/// <summary>The job names of the operations API (<c>POST /api/v1/admin/jobs/{name}/run</c>).</summary>
public static class JobNames
{
    public const string Deadlines = "deadlines";
    public const string Renewals = "renewals";
    public const string Outbox = "outbox";
    public const string Notices = "notices";
    public const string Backup = "backup";
    public const string Idempotency = "idempotency";
}

/// <summary>
/// A background job: idempotent, run on a recurring schedule (Europe/Paris time) by Hangfire and on demand by admins.
/// Returns how many items it processed.
/// </summary>
public interface IJob
{
    string Name { get; }

    /// <summary>Cron expression of the recurring schedule, in Europe/Paris time.</summary>
    string Cron { get; }

    Task<int> RunAsync(CancellationToken cancellationToken);

    /// <summary>Whether the host runs it once at start to catch up on what fell due while it was down (not a backup).</summary>
    bool CatchUpAtStart => true;
}

/// <summary>Asks for a job to run soon (enqueued on Hangfire when a server runs; otherwise the recurring sweep catches up).</summary>
public interface IJobTrigger
{
    void Trigger(string jobName);
}

/// <summary>Asks for a job to run at a given instant (a deadline's due time).</summary>
public interface IJobScheduler
{
    void Schedule(string jobName, DateTimeOffset at);
}
