using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// The one way a unit of work runs in an explicit transaction (ADR 0012): the transaction behaviour uses it for the
/// commands marked <see cref="Mediation.TransactionalAttribute"/>, and the booking group commit for its groups.
/// </summary>
public static class ModuleTransaction
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction of the given isolation on <paramref name="db"/>, saves and
    /// commits, under the provider's retry strategy: on a transient failure (a SQL Server deadlock victim, a failover)
    /// the whole unit is replayed from a clean change tracker. On SQLite the transaction queues at the process's write
    /// gate first (<see cref="SqliteWriteGate"/>). A unit started while the context already has a transaction joins it.
    /// </summary>
    public static async Task<T> RunAsync<T>(ModuleDbContext db, IsolationLevel isolation, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }
        using var gate = (await SqliteWriteGate.EnterAsync(db, cancellationToken)).Hold();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(isolation, ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}

/// <summary>
/// SQLite has one writer at a time. Waiting for it in SQLite's busy handler means sleeping and polling (1, 2, 5 … 100 ms);
/// queueing here, per database file, hands the lock over at once and in order. Reentrant within one async flow: a unit
/// inside a unit does not wait for itself. Not an EF interceptor (ADR 0012): EF signals a transaction's commit and
/// rollback but not its disposal without either (its own save transactions end that way when a statement fails), so a
/// gate taken in an interceptor could be held for ever.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    private static readonly AsyncLocal<bool> Held = new();

    /// <summary>Waits for the database's gate (nothing on other providers, or when this flow holds it already).</summary>
    public static async ValueTask<Passage> EnterAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite || Held.Value)
        {
            return default;
        }
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Passage(gate);
    }

    /// <summary>Holding the gate; disposing gives it to the next writer.</summary>
    public readonly struct Passage(SemaphoreSlim? gate) : IDisposable
    {
        /// <summary>
        /// Marks the caller's flow as holding the gate, so what it calls does not wait for it again. Called by the
        /// caller itself, right after <see cref="EnterAsync"/>: a flag set inside an async method does not reach its caller.
        /// </summary>
        public Passage Hold()
        {
            if (gate is not null)
            {
                Held.Value = true;
            }
            return this;
        }

        public void Dispose()
        {
            if (gate is not null)
            {
                Held.Value = false;
                gate.Release();
            }
        }
    }
}
