using System.Collections.Concurrent;
using System.Reflection;
using Conventions.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// One binding for every enum in a query string: the kebab-case values of the JSON contract (<c>?status=active</c>,
/// <c>?kind=social-service</c>) are what filters take, as the OpenAPI document says. The selected endpoint's parameters
/// say which query values are enums; a kebab value is handed to the framework's binder as the member's name, and an
/// unknown value is 400 <c>validation.failed</c> naming the parameter and the accepted values (never a type name).
/// </summary>
internal sealed class EnumQueryMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlyDictionary<string, Type>> EnumParameters = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint && context.Request.Query.Count > 0)
        {
            var enums = EnumParameters.GetOrAdd(endpoint, Discover);
            if (enums.Count > 0)
            {
                Rewrite(context, enums);
            }
        }
        await next(context);
    }

    private static IReadOnlyDictionary<string, Type> Discover(Endpoint endpoint)
    {
        var routeParameters = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var result = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (type.IsEnum && !routeParameters.Contains(parameter.Name))
            {
                result[parameter.Name] = type;
            }
        }
        return result;
    }

    private static void Rewrite(HttpContext context, IReadOnlyDictionary<string, Type> enums)
    {
        Dictionary<string, StringValues>? rewritten = null;
        foreach (var (name, values) in context.Request.Query)
        {
            if (!enums.TryGetValue(name, out var type) || StringValues.IsNullOrEmpty(values))
            {
                continue;
            }
            var names = new string?[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                names[i] = MemberName(type, values[i]!)
                    ?? throw new InvalidInputException("validation.failed", "One or more fields are invalid.",
                        new Dictionary<string, string[]> { [name] = [$"Must be one of: {string.Join(", ", KebabValues(type))}."] });
            }
            rewritten ??= context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
            rewritten[name] = new StringValues(names);
        }
        if (rewritten is not null)
        {
            context.Request.Query = new QueryCollection(rewritten);
        }
    }

    /// <summary>The member a kebab value names (the member's own name is accepted too, as before).</summary>
    private static string? MemberName(Type type, string value)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (string.Equals(Kebab(field.Name), value, StringComparison.Ordinal) || string.Equals(field.Name, value, StringComparison.Ordinal))
            {
                return field.Name;
            }
        }
        return null;
    }

    private static IEnumerable<string> KebabValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => Kebab(f.Name));

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
