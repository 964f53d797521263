using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Disputes.Features;

/// <summary>Applies the due steps of some disputes in one unit of work (their convention changes commit first).</summary>
internal sealed record ApplyDueDisputes(IReadOnlyList<Guid> DisputeIds) : ICommand<int>;

internal sealed class ApplyDueDisputesHandler(DisputesDbContext db, TimeProvider clock, DisputeEffects effects) : ICommandHandler<ApplyDueDisputes, int>
{
    public async ValueTask<int> Handle(ApplyDueDisputes command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        // Split: as one query (disputes joined to their deadlines and events, ordered for EF), SQLite walks the whole
        // primary key index in order and tests each row against the batch's ids, ~0.8 s for 100 ids over 100,000 disputes;
        // as three queries each is a keyed lookup.
        var disputes = await db.Disputes.Where(d => command.DisputeIds.Contains(d.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var dispute in disputes)
        {
            var before = dispute.Status;
            var due = dispute.ApplyDue(today, now);
            if (due.Count > 0)
            {
                await effects.ExecuteAsync(db, dispute, before, due, today, now, cancellationToken);
                changed++;
            }
        }
        return changed;
    }
}

/// <summary>
/// The <c>deadlines</c> job: scheduled by Hangfire at each deadline's reminder and due time, and run every 15 minutes as
/// a sweep. It reads only disputes whose <c>NextDueOn</c> has come and applies their steps through the same idempotent
/// command, a batch per transaction; a failing batch is retried one dispute at a time so one bad row holds back no other.
/// </summary>
internal sealed partial class DeadlinesJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlinesJob> logger) : IJob
{
    private const int BatchSize = 100;

    public string Name => JobNames.Deadlines;

    public string Cron => "*/15 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var processed = 0;
        // Pages in (NextDueOn, Id) order, each starting after the last one read: a dispute that cannot advance (it
        // stays due) is not read again by this run, nor does it hold back those after it.
        (DateOnly Due, Guid Id)? after = null;
        while (true)
        {
            List<Guid> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
                var due = db.Disputes.Where(d => d.NextDueOn != null && d.NextDueOn <= today);
                if (after is { } cursor)
                {
                    due = due.Where(d => d.NextDueOn > cursor.Due || (d.NextDueOn == cursor.Due && d.Id.CompareTo(cursor.Id) > 0));
                }
                var page = await due.OrderBy(d => d.NextDueOn).ThenBy(d => d.Id).Select(d => new { d.Id, d.NextDueOn })
                    .Take(BatchSize).ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    return processed;
                }
                after = (page[^1].NextDueOn!.Value, page[^1].Id);
                batch = page.Select(d => d.Id).ToList();
            }
            try
            {
                processed += await SendAsync(batch, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogBatchFailed(logger, exception, batch.Count);
                foreach (var id in batch)
                {
                    try
                    {
                        processed += await SendAsync([id], cancellationToken);
                    }
                    catch (Exception single) when (single is not OperationCanceledException)
                    {
                        LogFailed(logger, single, id);
                    }
                }
            }
        }
    }

    private async Task<int> SendAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BuildingBlocks.Access.CurrentActor>().Actor = BuildingBlocks.Access.Actor.System;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyDueDisputes(ids), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} disputes failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispute {DisputeId} could not be advanced; the next sweep retries it")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid disputeId);
}
