using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Outbox;

/// <summary>
/// The <c>outbox</c> job: publishes every module's pending integration events through the mediator, each in its own
/// scope, oldest first. A failing event is retried later with backoff; the others still go out.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    TimeProvider clock,
    ForegroundLoad load,
    ILogger<OutboxDispatcher> logger) : IJob
{
    private const int BatchSize = 200;

    public string Name => JobNames.Outbox;

    public string Cron => "* * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Consumers publish events of their own (a stored notice announces itself to webhooks): passes repeat, a few
        // times at most, until one finds nothing left, so a chain of events goes out in one run.
        var processed = 0;
        for (var pass = 0; pass < 4; pass++)
        {
            var inPass = await RunPassAsync(cancellationToken);
            processed += inPass;
            if (inPass == 0)
            {
                break;
            }
        }
        return processed;
    }

    private async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        foreach (var database in databases)
        {
            while (true)
            {
                var pageStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                var page = await PendingAsync(database, cancellationToken);
                List<Guid> done;
                if (page.Count > 0 && await DispatchPageAsync(page, cancellationToken))
                {
                    done = page.Select(m => m.Id).ToList();
                }
                else
                {
                    // One event failed the page: each is handed over alone, so that the others go out and the failing
                    // one is retried later by itself.
                    done = [];
                    foreach (var message in page)
                    {
                        if (await DispatchOneAsync(database, message.Id, cancellationToken))
                        {
                            done.Add(message.Id);
                        }
                    }
                }
                await MarkProcessedAsync(database, done, cancellationToken);
                processed += done.Count;
                await load.YieldAsync(System.Diagnostics.Stopwatch.GetElapsedTime(pageStarted), cancellationToken);
                if (page.Count < BatchSize)
                {
                    break;
                }
            }
        }
        return processed;
    }

    private async Task<List<OutboxMessage>> PendingAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var now = clock.GetUtcNow();
        return await OutboxMessage.PendingPage(context.OutboxMessages.AsNoTracking(), now, BatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Hands a page of events to their consumers in one scope, and commits what they wrote together (ADR 0018): a
    /// booking burst's events cost a commit per page, not one each. False when one of them failed: nothing of the page
    /// is committed by this scope, and the caller hands them over one by one (consumers are idempotent, inbox).
    /// </summary>
    private async Task<bool> DispatchPageAsync(List<OutboxMessage> page, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            foreach (var message in page)
            {
                await publisher.Publish(message.Deserialize(), cancellationToken);
            }
            await unitOfWork.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPageFailed(logger, exception, page.Count);
            return false;
        }
    }

    /// <summary>
    /// Marks a page of handled events processed in one statement: one commit for the page rather than one per event
    /// (a booking burst puts thousands in the outbox). A crash before it hands the page over again; consumers are
    /// idempotent (inbox).
    /// </summary>
    private async Task MarkProcessedAsync(ModuleDatabase database, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var now = clock.GetUtcNow();
        // A statement of its own, so it queues at SQLite's write gate like a unit (see ModuleDbContext.SaveChangesAsync).
        using var gate = (await SqliteWriteGate.EnterAsync(context, cancellationToken)).Hold();
        // Found by their ids alone, and an instant already set kept: with "ProcessedAt IS NULL" in the condition SQLite
        // walked every pending event by that index instead (a burst's backlog, thousands), holding the write lock 12 ms.
        await context.OutboxMessages.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, m => m.ProcessedAt ?? now).SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Publishes one event to its consumers; true when they all handled it (it is then marked with its page).</summary>
    private async Task<bool> DispatchOneAsync(ModuleDatabase database, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var message = await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        if (message.ProcessedAt is not null)
        {
            return false;
        }
        try
        {
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
            await publisher.Publish(message.Deserialize(), cancellationToken);
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, message.Type, message.Id);
            context.ChangeTracker.Clear();
            context.Attach(message);
            message.Attempts++;
            message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            message.NextAttemptAt = clock.GetUtcNow() + Backoff.For(message.Attempts);
            await context.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A page of {Count} outbox events failed together; handing them over one by one")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {Type} {Id} failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, Guid id);
}

/// <summary>Exponential backoff for retries: 1 min, 2, 4, 8 ... capped at 6 hours.</summary>
public static class Backoff
{
    public static TimeSpan For(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));
}
