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
