using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Conventions.BuildingBlocks.Web;

namespace Conventions.BuildingBlocks.Idempotency;

/// <summary>The current request's <c>Idempotency-Key</c> (scoped), and what became of it.</summary>
public sealed class IdempotencyRequest
{
    /// <summary>The header's value, set by the host for a POST that carries one.</summary>
    public string? Key { get; set; }

    /// <summary>True when the response is the stored answer to an earlier request with the same key.</summary>
    public bool Replayed { get; internal set; }

    /// <summary>The outermost command claimed the key: commands it sends to other modules do not.</summary>
    internal bool Claimed { get; set; }

    /// <summary>The record to store with the command's effect, while the command runs.</summary>
    internal PendingIdempotency? Pending { get; set; }

    /// <summary>
    /// For a handler whose effect commits in another transaction than its module context's (the booking group commit):
    /// it stores the record there itself, and the behaviour does not. Null when the request has no key.
    /// </summary>
    public PendingIdempotency? Defer()
    {
        if (Pending is { } pending)
        {
            pending.Deferred = true;
        }
        return Pending;
    }
}

/// <summary>A key being served: what its record will say once the response is known.</summary>
public sealed class PendingIdempotency(Guid credentialId, string key, string requestHash, DateTimeOffset at)
{
    internal bool Deferred { get; set; }

    /// <summary>The credential the key belongs to.</summary>
    public Guid CredentialId => credentialId;

    /// <summary>The key, as the client sent it.</summary>
    public string Key => key;

    /// <summary>
    /// True for a command that looks its key up where it writes (<see cref="ILooksUpIdempotencyKeyWhereItWrites"/>): the
    /// behaviour did not read the stored records, the writer does, and raises <see cref="IdempotencyKeyFound"/> when the
    /// key is there.
    /// </summary>
    public bool LookupDeferred { get; internal set; }

    /// <summary>The record of this response, to write in the same transaction as the effect.</summary>
    public IdempotencyRecord Record(object? response) => new()
    {
        CredentialId = credentialId,
        Key = key,
        RequestHash = requestHash,
        Response = JsonSerializer.Serialize(response, response?.GetType() ?? typeof(object), JsonDefaults.Options),
        CreatedAt = at,
    };

    /// <summary>SHA-256 of the request's type and fields.</summary>
    public static string Hash(object request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { type = request.GetType().FullName, request }, JsonDefaults.Options)));
}

/// <summary>The keys being served in this process: a second request with a key in flight gets 409 rather than waiting.</summary>
public sealed class IdempotencyInFlight
{
    private readonly ConcurrentDictionary<(Guid, string), byte> _keys = new();

    public Passage? TryEnter(Guid credentialId, string key) =>
        _keys.TryAdd((credentialId, key), 0) ? new Passage(this, (credentialId, key)) : null;

    public sealed class Passage(IdempotencyInFlight owner, (Guid, string) key) : IDisposable
    {
        public void Dispose() => owner._keys.TryRemove(key, out _);
    }
}

/// <summary>
/// A command whose handler commits its effect in a transaction of its own, with the answer to its key (the booking group
/// commit, ADR 0013 and 0026): the key is looked up there, in that transaction, rather than by the behaviour in a read of
/// its own before the handler runs. On SQLite a read outside the writer costs more than the write itself (each commit
/// resets every other connection's page cache), and two requests never check the same key anyway: the in-flight guard
/// still turns the second away. When the writer finds the key it raises <see cref="IdempotencyKeyFound"/>, writes
/// nothing for that request, and the behaviour answers as it would have (the stored response, or 422 for another request).
/// </summary>
public interface ILooksUpIdempotencyKeyWhereItWrites;

/// <summary>
/// Raised by a writer that looks keys up itself (<see cref="ILooksUpIdempotencyKeyWhereItWrites"/>) when the request's key
/// is already stored: nothing was written for it; the idempotency behaviour answers with <see cref="Record"/>.
/// </summary>
public sealed class IdempotencyKeyFound(IdempotencyRecord record) : Exception("This Idempotency-Key is already stored.")
{
    public IdempotencyRecord Record { get; } = record;
}
