using Conventions.BuildingBlocks.Time;

namespace Conventions.Testing;

/// <summary>A clock the test moves by hand. Deterministic: no timers, no sleeps.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>Noon in Paris on the given date.</summary>
    public static TestClock AtParisNoon(int year, int month, int day) => new(ParisTime.At(new DateOnly(year, month, day), new TimeOnly(12, 0)));

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => ParisTime.Zone;

    /// <summary>Elapsed time follows the test's clock too (cache lifetimes expire when the test moves it).</summary>
    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => _now += by;

    public void SetParisDate(DateOnly date, TimeOnly? time = null) => _now = ParisTime.At(date, time ?? new TimeOnly(12, 0));
}
