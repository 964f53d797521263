namespace Conventions.BuildingBlocks.Jobs;

/// <summary>
/// API requests being served right now (the host counts them), so that background work that can wait yields to them
/// (ADR 0018): the outbox and the webhook deliveries, which a booking burst multiplies, pause between pages while
/// requests are in flight, for twelve times as long as the page took. They use at most a thirteenth of a thread during a
/// burst, and catch up at full speed once it is over. Jobs run on demand by an admin (<c>/admin/jobs</c>) are not
/// counted as load.
/// </summary>
public sealed class ForegroundLoad
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(2);

    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>After a page of background work that took <paramref name="worked"/>: a pause while requests are being served.</summary>
    public Task YieldAsync(TimeSpan worked, CancellationToken cancellationToken)
    {
        if (InFlight == 0)
        {
            return Task.CompletedTask;
        }
        var pause = worked * 12;
        return Task.Delay(pause > MaxPause ? MaxPause : pause, cancellationToken);
    }
}
