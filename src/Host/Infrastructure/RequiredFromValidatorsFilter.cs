using System.Text.Json;
using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// A request schema's <c>required</c> list, read from its validator rather than written twice: the validator is run on
/// an empty request, and every field it refuses as missing is required. The body's own validator, or that of the
/// command carrying it as <c>Body</c> (route values beside it). Conditional rules (<c>When</c>) stay optional.
/// </summary>
internal sealed class RequiredFromValidatorsFilter(IServiceProvider services) : ISchemaFilter
{
    private static readonly Type[] Commands = AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name?.StartsWith("Conventions.Modules.", StringComparison.Ordinal) == true)
        .SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .ToArray();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } body || context.Type.GetConstructor(Type.EmptyTypes) is null)
        {
            return;
        }
        var missing = Missing(context.Type, Activator.CreateInstance(context.Type)!, prefix: null);
        foreach (var carrier in Commands.Where(c => c.GetProperty("Body")?.PropertyType == context.Type))
        {
            if (Construct(carrier, Activator.CreateInstance(context.Type)!) is { } command)
            {
                missing.UnionWith(Missing(carrier, command, prefix: "Body."));
            }
        }
        var required = missing.Where(body.Properties.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (required.Count > 0)
        {
            body.Required = required;
        }
    }

    /// <summary>The JSON names of the fields the type's validator refuses on this empty instance.</summary>
    private HashSet<string> Missing(Type type, object instance, string? prefix)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
        {
            return names;
        }
        try
        {
            var result = validator.ValidateAsync(new ValidationContext<object>(instance)).GetAwaiter().GetResult();
            foreach (var failure in result.Errors)
            {
                var name = prefix is null ? failure.PropertyName : failure.PropertyName.StartsWith(prefix, StringComparison.Ordinal) ? failure.PropertyName[prefix.Length..] : failure.PropertyName;
                var first = name.Split('.', '[')[0];
                if (first.Length > 0)
                {
                    names.Add(JsonNamingPolicy.CamelCase.ConvertName(first));
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentException)
        {
            // A validator that needs more than an empty request (a rule reading a nested value) documents nothing.
        }
        return names;
    }

    /// <summary>The command with this body and default route values, through its constructor.</summary>
    private static object? Construct(Type command, object body)
    {
        var constructor = command.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return null;
        }
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == body.GetType() ? body : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
