using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conventions.BuildingBlocks.Web;

/// <summary>
/// Dates and instants as the contract spells them, refused otherwise (400 <c>request.malformed</c>): a date is
/// <c>YYYY-MM-DD</c> between 1900-01-01 and 2199-12-31; an instant is ISO 8601 with its offset (<c>Z</c> or
/// <c>±hh:mm</c>), in the same years. An instant without an offset is refused rather than read as UTC or as server time.
/// </summary>
public static class StrictDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;
}

public sealed class StrictDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new JsonException("A date is written YYYY-MM-DD.");
        }
        if (!StrictDates.InRange(date))
        {
            throw new JsonException("A date must fall between 1900-01-01 and 2199-12-31.");
        }
        return date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            throw new JsonException("An instant is ISO 8601 with its offset, for example 2026-12-04T20:30:00+01:00.");
        }
        if (!StrictDates.InRange(DateOnly.FromDateTime(instant.UtcDateTime)))
        {
            throw new JsonException("An instant must fall between 1900 and 2199.");
        }
        return instant;
    }

    /// <summary>True when the text after its time part ends with Z or ±hh:mm (±hhmm).</summary>
    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }
        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') > 0;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
