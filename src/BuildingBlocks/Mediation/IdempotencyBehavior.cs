using System.Text.Json;
using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Idempotency;
using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>
/// <c>Idempotency-Key</c> on a command (ADR 0014): the first request with a key does the work and its response is stored
/// with the key, the credential and a hash of the request, in the same transaction as the work (this behaviour is the
/// innermost, inside the command's transaction or unit of work); a retry within 24 hours gets the stored response again
/// (<c>Idempotent-Replayed: true</c>), the same key for another request is 422 <c>idempotency.key_reused</c>, and a
/// retry while the first is still being served is 409 <c>idempotency.in_flight</c>. Keys belong to a credential: two
/// keys never meet.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(
    IdempotencyRequest request, ICurrentActor current, IdempotencyInFlight inFlight, TimeProvider clock, IServiceProvider services, IEnumerable<ModuleDatabase> modules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (request.Key is not { } key || request.Claimed || current.Actor.CredentialId is not { } credential
            || ModuleContexts.For(typeof(TMessage), services, modules) is not { } db)
        {
            return await next(message, cancellationToken);
        }
        request.Claimed = true;
        using var passage = inFlight.TryEnter(credential, key)
            ?? throw new ConflictException("idempotency.in_flight", "A request with this Idempotency-Key is still being served; retry once it has been answered.");
        var hash = PendingIdempotency.Hash(message);
        var now = clock.GetUtcNow();
        if (message is ILooksUpIdempotencyKeyWhereItWrites)
        {
            // The handler's writer looks the key up in its own transaction (ADR 0026): no read here.
            try
            {
                return await ServeAsync(message, next, db, new PendingIdempotency(credential, key, hash, now) { LookupDeferred = true }, cancellationToken);
            }
            catch (IdempotencyKeyFound found)
            {
                if (TryAnswer(found.Record, hash, now, out var answer))
                {
                    return answer;
                }
                // Expired and not yet swept: forgotten now, and the request served afresh.
                await Forget(db, credential, key, cancellationToken);
                return await ServeAsync(message, next, db, new PendingIdempotency(credential, key, hash, now) { LookupDeferred = true }, cancellationToken);
            }
        }
        if (await Stored(db, credential, key) is { } stored)
        {
            if (TryAnswer(stored, hash, now, out var answer))
            {
                return answer;
            }
            // Expired and not yet swept: the key starts afresh. Deleted now, not with the unit of work: a booking's new
            // record is written by the group commit, which would otherwise meet the old row.
            await Forget(db, credential, key, cancellationToken);
        }
        return await ServeAsync(message, next, db, new PendingIdempotency(credential, key, hash, now), cancellationToken);
    }

    /// <summary>The command served, its answer stored with its effect by the unit of work unless its handler stores it itself.</summary>
    private async ValueTask<TResponse> ServeAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, ModuleDbContext db, PendingIdempotency pending, CancellationToken cancellationToken)
    {
        request.Pending = pending;
        var response = await next(message, cancellationToken);
        if (!pending.Deferred)
        {
            db.IdempotencyRecords.Add(pending.Record(response));
        }
        return response;
    }

    /// <summary>The stored response, replayed; 422 when the key was used for another request; false when it expired.</summary>
    private bool TryAnswer(IdempotencyRecord stored, string hash, DateTimeOffset now, out TResponse answer)
    {
        answer = default!;
        if (stored.CreatedAt <= now - IdempotencyRecord.Lifetime)
        {
            return false;
        }
        if (stored.RequestHash != hash)
        {
            throw new BusinessRuleException("idempotency.key_reused", "This Idempotency-Key was used for another request; use a new key for a new request.");
        }
        request.Replayed = true;
        answer = JsonSerializer.Deserialize<TResponse>(stored.Response, JsonDefaults.Options)!;
        return true;
    }

    private static Task<int> Forget(ModuleDbContext db, Guid credential, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.CredentialId == credential && r.Key == key).ExecuteDeleteAsync(cancellationToken);

    // Compiled once per message type, which belongs to one module (one model): the lookup runs on every keyed request.
    private static readonly Func<ModuleDbContext, Guid, string, Task<IdempotencyRecord?>> Stored = EF.CompileAsyncQuery(
        (ModuleDbContext db, Guid credential, string key) => db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.CredentialId == credential && r.Key == key));
}
