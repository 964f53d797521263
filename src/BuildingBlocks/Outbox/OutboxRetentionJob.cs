using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Outbox;

/// <summary>
/// The <c>retention-outbox</c> job (nightly, Europe/Paris): deletes, in every module, the integration events processed
/// more than <c>Outbox:RetentionDays</c> ago (30 by default). Once processed an event is never read again, but its
/// payload may copy personal data (a notice's letter and its recipients), which would otherwise outlive the erasure of
/// its source, and a booking burst leaves thousands. Pending events (a consumer still failing) are kept, however old.
/// Deleted by pages (<see cref="PagedDelete"/>), each a statement of its own at SQLite's write gate, pausing while
/// requests are served.
/// The inbox's records (event id, consumer, instant: no payload) stay: a consumer may still see an event that failed
/// for another consumer, retried without end, and must still know it handled it.
/// </summary>
public sealed partial class OutboxRetentionJob(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    TimeProvider clock,
    IConfiguration configuration,
    ForegroundLoad load,
    ILogger<OutboxRetentionJob> logger) : IJob
{
    private const int PageSize = 500;

    public const string JobName = "retention-outbox";

    public string Name => JobName;

    public string Cron => "50 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var days = configuration.GetValue("Outbox:RetentionDays", 30);
        var before = clock.GetUtcNow().AddDays(-days);
        var deleted = 0;
        foreach (var database in databases)
        {
            deleted += await PagedDelete.RunAsync(scopes, database.ContextType, PageSize, load, (context, ct) => DeletePageAsync(context, before, ct), cancellationToken);
        }
        if (deleted > 0)
        {
            LogDeleted(logger, deleted, days);
        }
        return deleted;
    }

    /// <summary>
    /// One page of old processed events deleted. No index serves the condition (the outbox's index holds pending events
    /// only, so that marking one processed costs no index entry): the scan finds the oldest rows first, and runs once a night.
    /// </summary>
    private static Task<int> DeletePageAsync(ModuleDbContext context, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var page = context.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < before).Select(m => m.Id).Take(PageSize);
        return context.OutboxMessages.Where(m => page.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} outbox events processed more than {Days} days ago deleted")]
    private static partial void LogDeleted(ILogger logger, int count, int days);
}
