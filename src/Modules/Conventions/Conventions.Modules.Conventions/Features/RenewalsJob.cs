using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// The <c>renewals</c> job, on Europe/Paris time: activates signed conventions whose term started, sends the one-month
/// notice before a fixed term ends and expires it the day after, reminds the operator at the start of the last quarter
/// when no follow-up committee is scheduled, and renews (or expires) tacitly renewed conventions at the end of each
/// period, catching up period by period. It reads only conventions whose <c>NextDueOn</c> has come, in batches, each
/// batch one transaction with its events and notices. Running it twice changes nothing the second time.
/// </summary>
internal sealed partial class RenewalsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RenewalsJob> logger) : IJob
{
    private const int BatchSize = 200;

    public string Name => JobNames.Renewals;

    public string Cron => "5 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var processed = 0;
        // Pages in (NextDueOn, Id) order, each starting after the last one read: a convention that stays due is not
        // read again by this run, nor does it hold back those after it.
        (DateOnly Due, Guid Id)? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConventionsDbContext>();
            var due = db.Conventions.Where(c => c.NextDueOn != null && c.NextDueOn <= today);
            if (after is { } cursor)
            {
                due = due.Where(c => c.NextDueOn > cursor.Due || (c.NextDueOn == cursor.Due && c.Id.CompareTo(cursor.Id) > 0));
            }
            var batch = await due.OrderBy(c => c.NextDueOn).ThenBy(c => c.Id).Take(BatchSize)
                .Include(c => c.Committees)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return processed;
            }
            after = (batch[^1].NextDueOn!.Value, batch[^1].Id);
            processed += await ApplyAsync(scope.ServiceProvider, db, batch, today, cancellationToken);
        }
    }

    private async Task<int> ApplyAsync(IServiceProvider services, ConventionsDbContext db, List<Convention> batch, DateOnly today, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<ConventionDocuments>();
        var effects = services.GetRequiredService<ConventionEffects>();
        var parties = new Dictionary<(Guid, Guid), Parties>();
        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var convention in batch)
        {
            var due = convention.ApplyDue(today, now);
            if (due.Count == 0)
            {
                continue;
            }
            var key = (convention.OperatorOrganizationId, convention.PartnerOrganizationId);
            if (!parties.TryGetValue(key, out var pair))
            {
                pair = await documents.PartiesAsync(convention, cancellationToken);
                parties[key] = pair;
            }
            effects.Publish(db, convention, pair, due, today, now);
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (changed > 0)
        {
            LogApplied(logger, changed, today);
        }
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewals: {Count} conventions changed on {Today:yyyy-MM-dd}")]
    private static partial void LogApplied(ILogger logger, int count, DateOnly today);
}
