using System.Collections.Concurrent;

namespace Conventions.BuildingBlocks.Caching;

/// <summary>
/// A process-wide counter a module raises whenever it changes data that some read cache holds (a key revoked, an
/// organization suspended, a convention's status changed). Raised before the change is saved and again once it is
/// committed, so a reader that loaded the old state in between cannot keep it. A committed change is also announced
/// (<see cref="CommittedElsewhere"/>) so that other hosts on the same server database raise theirs (PostgreSQL
/// LISTEN/NOTIFY, docs/adr/0020); without that, their entries' time to live bounds how long they serve the old state.
/// </summary>
public sealed class ChangeSignal
{
    private static readonly ConcurrentDictionary<string, ChangeSignal> Named = new(StringComparer.Ordinal);

    private long _value;

    /// <param name="name">Unique in the process: how other hosts name this signal.</param>
    public ChangeSignal(string name)
    {
        Name = name;
        if (!Named.TryAdd(name, this))
        {
            throw new InvalidOperationException($"Two change signals are named '{name}'.");
        }
    }

    public string Name { get; }

    public long Value => Volatile.Read(ref _value);

    public void Raise() => Interlocked.Increment(ref _value);

    /// <summary>Raises the signal for a change now committed, and announces it to the other hosts.</summary>
    public void RaiseCommitted()
    {
        Raise();
        Committed?.Invoke(Name);
    }

    /// <summary>A change to the named signal's data was committed in this process (for the cross-host notifier).</summary>
    public static event Action<string>? Committed;

    /// <summary>Another host committed a change to the named signal's data: raises it here (unknown names are ignored).</summary>
    public static void CommittedElsewhere(string name)
    {
        if (Named.TryGetValue(name, out var signal))
        {
            signal.Raise();
        }
    }

    /// <summary>Raises every signal (after a gap in the announcements from other hosts, when some may have been missed).</summary>
    public static void RaiseAll()
    {
        foreach (var signal in Named.Values)
        {
            signal.Raise();
        }
    }
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
