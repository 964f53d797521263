using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// Tells a module's read cache (<see cref="Caching.ReadCache{TKey,TValue}"/>) that data it holds changed: the signal is
/// raised before a save that touches that data (a request reading meanwhile does not keep an entry it loaded before),
/// after the save when no transaction is open, and after the commit of the transaction the save was part of (an entry
/// reloaded between the save and the commit would otherwise keep the old value).
/// </summary>
public sealed class CachedDataInterceptor(Caching.ChangeSignal signal, Func<ChangeTracker, bool> changesCachedData)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The transactions in which a save touched cached data, raised again at their commit.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, object> _pending = [];

    /// <summary>The contexts saving cached data in a transaction of the save's own: committed when the save ends.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _committing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saving(DbContext? context)
    {
        if (context is null || !changesCachedData(context.ChangeTracker))
        {
            return;
        }
        signal.Raise();
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _pending.AddOrUpdate(transaction, signal);
        }
        else
        {
            _committing.AddOrUpdate(context, signal);
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>After a save: committed already when no transaction was open (announced then), else at the commit.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && _committing.Remove(context))
        {
            signal.RaiseCommitted();
        }
        else
        {
            signal.Raise();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending.Remove(transaction))
        {
            signal.RaiseCommitted();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }
}
