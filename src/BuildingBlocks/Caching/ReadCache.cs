using System.Collections.Concurrent;

namespace Conventions.BuildingBlocks.Caching;

/// <summary>
/// A process-wide counter a module raises whenever it changes data that some read cache holds (a key revoked, an
/// organization suspended, a convention's status changed). Raised before the change is saved and again once it is
/// committed, so a reader that loaded the old state in between cannot keep it.
/// </summary>
public sealed class ChangeSignal
{
    private long _value;

    public long Value => Volatile.Read(ref _value);

    public void Raise() => Interlocked.Increment(ref _value);
}

/// <summary>
/// A small read-through cache for hot lookups on the request path (the API key behind every call, an organization's
/// convention standing behind every booking). An entry is served only while its <see cref="ChangeSignal"/> has not
/// moved since it was loaded, and for at most <c>timeToLive</c> (the bound on staleness when several hosts share one
/// SQL Server database, since a signal is per process). Never caches absent results, and is bounded in size.
/// </summary>
public sealed class ReadCache<TKey, TValue>(ChangeSignal signal, TimeProvider clock, TimeSpan timeToLive, int capacity = 10_000)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public async ValueTask<TValue?> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        var generation = signal.Value;
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now < entry.ExpiresAt)
        {
            return entry.Value;
        }
        var value = await load(key, cancellationToken);
        if (value is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, generation, now + (long)(timeToLive.TotalSeconds * clock.TimestampFrequency));
        return value;
    }

    private sealed record Entry(TValue Value, long Generation, long ExpiresAt);
}
