namespace Conventions.BuildingBlocks.Time;

/// <summary>
/// The system clock shifted by a fixed offset: for drills and fault tests that restart the real host "weeks later"
/// (Conventions:ClockOffset, refused in Production). Elapsed-time measures are not shifted.
/// </summary>
public sealed class OffsetTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
