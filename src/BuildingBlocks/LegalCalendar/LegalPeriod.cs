using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Conventions.BuildingBlocks.LegalCalendar;

public enum PeriodUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>A legal period written as an ISO 8601 duration with one component: <c>P15D</c>, <c>P2W</c>, <c>P1M</c>, <c>P1Y</c>.</summary>
public sealed partial record LegalPeriod(int Value, PeriodUnit Unit)
{
    public const int MaxValue = 1200;

    public static LegalPeriod Days(int value) => new(value, PeriodUnit.Days);

    public static LegalPeriod Months(int value) => new(value, PeriodUnit.Months);

    public static bool TryParse(string? text, [NotNullWhen(true)] out LegalPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value is < 1 or > MaxValue)
        {
            return false;
        }
        var unit = char.ToUpperInvariant(match.Groups[2].Value[0]) switch
        {
            'D' => PeriodUnit.Days,
            'W' => PeriodUnit.Weeks,
            'M' => PeriodUnit.Months,
            _ => PeriodUnit.Years,
        };
        period = new LegalPeriod(value, unit);
        return true;
    }

    public static LegalPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period such as P15D or P1M.");

    public override string ToString() => Unit switch
    {
        PeriodUnit.Days => $"P{Value}D",
        PeriodUnit.Weeks => $"P{Value}W",
        PeriodUnit.Months => $"P{Value}M",
        _ => $"P{Value}Y",
    };

    public string Describe() => Unit switch
    {
        PeriodUnit.Days => Value == 1 ? "1 day" : $"{Value} days",
        PeriodUnit.Weeks => Value == 1 ? "1 week" : $"{Value} weeks",
        PeriodUnit.Months => Value == 1 ? "1 month" : $"{Value} months",
        _ => Value == 1 ? "1 year" : $"{Value} years",
    };

    [GeneratedRegex("^P([0-9]{1,4})([DWMY])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
