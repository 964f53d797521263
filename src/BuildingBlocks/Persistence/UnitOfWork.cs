using Conventions.BuildingBlocks.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// The module contexts a request touched. The unit-of-work behaviour commits them when the outermost command returns;
/// when outbox messages were written, the outbox job is triggered so events go out promptly (the recurring sweep
/// still catches anything a trigger missed).
/// Contexts commit in reverse order of enlistment: a module called through another's contract (enlisted later) commits
/// before its caller. Should the process stop between the two, the caller's step was not recorded and is retried, and
/// the contract command it calls again is idempotent; the reverse order could leave the caller's step recorded and the
/// callee's change lost.
/// </summary>
public sealed class UnitOfWork(IJobTrigger jobTrigger)
{
    private readonly List<DbContext> _contexts = [];
    private readonly HashSet<string> _jobsAfterCommit = [];
    private int _depth;

    /// <summary>Asks for a job once this unit of work has committed (the job then finds what it was written for).</summary>
    public void TriggerAfterCommit(string jobName) => _jobsAfterCommit.Add(jobName);

    public void Enlist(DbContext context)
    {
        if (!_contexts.Contains(context))
        {
            _contexts.Add(context);
        }
    }

    public Scope Begin()
    {
        _depth++;
        return new Scope(this, _depth == 1);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        for (var i = _contexts.Count - 1; i >= 0; i--)
        {
            var context = _contexts[i];
            if (context is ModuleDbContext { IsInitialized: false })
            {
                continue;
            }
            // Saving nothing costs nothing (a module context detects its changes once and returns).
            await context.SaveChangesAsync(cancellationToken);
        }
        // Also counts outbox messages saved inside a transaction (ModuleTransaction), committed before this point.
        if (_contexts.OfType<ModuleDbContext>().Any(c => c.SavedOutboxMessages))
        {
            jobTrigger.Trigger(JobNames.Outbox);
        }
        foreach (var job in _jobsAfterCommit)
        {
            jobTrigger.Trigger(job);
        }
        _jobsAfterCommit.Clear();
    }

    public readonly struct Scope(UnitOfWork owner, bool isOutermost) : IDisposable
    {
        public bool IsOutermost { get; } = isOutermost;

        public void Dispose() => owner._depth--;
    }
}
