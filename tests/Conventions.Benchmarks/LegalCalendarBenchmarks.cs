using BenchmarkDotNet.Attributes;
using Conventions.BuildingBlocks.LegalCalendar;

namespace Conventions.Benchmarks;

/// <summary>The legal calendar: a 15-day deadline across two holidays, a one-month deadline, a year's holidays.</summary>
[MemoryDiagnoser]
public class LegalCalendarBenchmarks
{
    private static readonly LegalPeriod FifteenDays = LegalPeriod.Days(15);
    private static readonly LegalPeriod OneMonth = LegalPeriod.Months(1);

    [Benchmark(Description = "P15D from 2024-04-23 (two holidays)")]
    public DateOnly FifteenDaysOverHolidays() => LegalDeadlines.Compute(new DateOnly(2024, 4, 23), FifteenDays).DueOn;

    [Benchmark(Description = "P1M from 2024-01-31 (month end)")]
    public DateOnly OneMonthAtMonthEnd() => LegalDeadlines.Compute(new DateOnly(2024, 1, 31), OneMonth).DueOn;
}
