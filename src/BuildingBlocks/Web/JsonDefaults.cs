using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conventions.BuildingBlocks.Web;

/// <summary>The API's JSON: camelCase, enums as lower-case kebab strings, no integers for enums, dates as YYYY-MM-DD.</summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StrictDateOnlyConverter());
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.MaxDepth = 32;
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }

    /// <summary>The kebab-case spelling of an enum value, as the API writes it.</summary>
    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

/// <summary>
/// The shape of every list the API returns: a page of <c>items</c>; <c>total</c>, how many items match the filters,
/// counted for the first page and repeated by the following pages of the same listing (a list of 10,000 items or more
/// may be counted up to 30 seconds earlier); and <c>next</c>, the cursor of the next page (null on the last one; also
/// sent as a <c>Link: rel="next"</c>).
/// </summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total) : IPagedList
{
    /// <summary>Pass it as <c>cursor</c> for the next page; null when this page is the last.</summary>
    public string? Next { get; init; }
}

/// <summary>A list answer that may have a next page.</summary>
public interface IPagedList
{
    string? Next { get; }
}
