namespace Conventions.BuildingBlocks.Time;

/// <summary>Legal dates are dates in Europe/Paris. Everything reads the clock through <see cref="TimeProvider"/>.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today's date in Paris.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(ToParis(clock.GetUtcNow()).DateTime);

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a Paris calendar day starts (midnight local time), as an offset-carrying instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>True when the Paris wall clock never shows this time on this date (skipped by the spring DST change).</summary>
    public static bool Exists(DateOnly date, TimeOnly time) => !Zone.IsInvalidTime(date.ToDateTime(time, DateTimeKind.Unspecified));

    /// <summary>The instant of a Paris wall-clock time on a date (a time skipped by a DST change moves forward one hour).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
