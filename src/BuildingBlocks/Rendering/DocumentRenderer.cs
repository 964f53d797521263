using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace Conventions.BuildingBlocks.Rendering;

/// <summary>A template embedded in its owning module's assembly (<c>Templates/*.sbn-html</c>).</summary>
public sealed record TemplateRef(Assembly Assembly, string FileName);

/// <summary>Rendered output and its SHA-256 (lower-case hex of the UTF-8 bytes).</summary>
public sealed record RenderedDocument(string Html, string Sha256)
{
    public static RenderedDocument Of(string html) => new(html, DocumentHash.Sha256(html));
}

public static class DocumentHash
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Markup the template author vouches for: written as is, never escaped. Never wrap a user value in it.</summary>
public sealed record RawHtml(string Html);

/// <summary>
/// Renders Scriban templates. Templates are parsed once per process and cached. The model is plain data
/// (dictionaries, lists, records, anonymous objects); every string in it is HTML-escaped on its way in, so a user's
/// markup or template syntax (<c>{{ 7*7 }}</c>) is printed as text and never executed.
/// </summary>
public sealed class DocumentRenderer
{
    private readonly ConcurrentDictionary<TemplateRef, Lazy<Template>> _cache = new();

    public RenderedDocument Render(TemplateRef template, object model)
    {
        var parsed = _cache.GetOrAdd(template, t => new Lazy<Template>(() => Load(t))).Value;
        var globals = new ScriptObject();
        foreach (var (key, value) in Members(model))
        {
            globals.SetValue(key, ToScript(value, 0), readOnly: true);
        }
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 100_000,
            RecursiveLimit = 64,
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(globals);
        var html = parsed.Render(context);
        return RenderedDocument.Of(html);
    }

    /// <summary>How many templates are parsed and cached (for tests and diagnostics).</summary>
    public int CachedTemplates => _cache.Count(c => c.Value.IsValueCreated);

    /// <summary>
    /// Escapes the five characters that matter in HTML text and attributes (&amp; &lt; &gt; &quot; &#39;) and nothing
    /// else: accented letters stay readable (WebUtility.HtmlEncode would write "é" as "&amp;#233;").
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    private static Template Load(TemplateRef template)
    {
        var suffix = "." + template.FileName;
        var name = template.Assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Template '{template.FileName}' is not embedded in {template.Assembly.GetName().Name}.");
        using var stream = template.Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var parsed = Template.Parse(reader.ReadToEnd(), template.FileName);
        if (parsed.HasErrors)
        {
            throw new InvalidOperationException($"Template '{template.FileName}' does not parse: {string.Join("; ", parsed.Messages)}");
        }
        return parsed;
    }

    private static object? ToScript(object? value, int depth)
    {
        if (depth > 16)
        {
            throw new InvalidOperationException("The document model is nested too deeply.");
        }
        switch (value)
        {
            case null:
                return null;
            case string text:
                return Escape(text);
            case RawHtml raw:
                return raw.Html;
            case bool or int or long or short or byte or double or float:
                return value;
            case decimal amount:
                return amount;
            case Guid id:
                return id.ToString();
            case DateOnly date:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case TimeOnly time:
                return time.ToString("HH\\:mm", CultureInfo.InvariantCulture);
            case DateTimeOffset instant:
                return instant.ToString("O", CultureInfo.InvariantCulture);
            case Enum e:
                return Escape(e.ToString());
            case IDictionary dictionary:
                var fromDictionary = new ScriptObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    fromDictionary.SetValue(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, ToScript(entry.Value, depth + 1), readOnly: true);
                }
                return fromDictionary;
            case IEnumerable sequence:
                var array = new ScriptArray();
                foreach (var item in sequence)
                {
                    array.Add(ToScript(item, depth + 1));
                }
                return array;
            default:
                var obj = new ScriptObject();
                foreach (var (key, member) in Members(value))
                {
                    obj.SetValue(key, ToScript(member, depth + 1), readOnly: true);
                }
                return obj;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Members(object model)
    {
        if (model is IDictionary<string, object?> dictionary)
        {
            return dictionary;
        }
        return model.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(SnakeCase(p.Name), p.GetValue(model)));
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

/// <summary>French formatting for documents and letters (independent of the machine's culture data).</summary>
public static class French
{
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>"1er octobre 2019", "23 avril 2024".</summary>
    public static string Date(DateOnly date) =>
        $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"1 234,50 €".</summary>
    public static string Euros(decimal amount)
    {
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        format.NumberGroupSeparator = "\u202f";
        format.NumberDecimalSeparator = ",";
        return amount.ToString("#,##0.00", format) + "\u00a0€";
    }
}
