using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// What the generator leaves for OpenAPI 3.1 readers to trip on, set right once the document is built:
/// a reference wrapped in a one-item <c>allOf</c> (how the generator carries nullability and descriptions) becomes the
/// reference itself, or <c>oneOf: [reference, null]</c> when null can come back; every property of an answer is
/// <c>required</c> (the API writes them all, null included: a generated client types them as present); the servers and
/// the licence.
/// </summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document (e.g. http://localhost:5080)." }];
        // Every operation needs a key unless it says otherwise (the public ones declare an empty requirement).
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Access.ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
        document.Info.License = new OpenApiLicense { Name = "Proprietary: the associations and town services running the engine", Identifier = "LicenseRef-Proprietary" };
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Unwrap(schema, document);
        }
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                if (media.Schema is { } body)
                {
                    media.Schema = Simplified(body, document);
                }
            }
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Schema is { } parameterSchema)
                {
                    parameter.Schema = Simplified(parameterSchema, document);
                }
            }
        }
        RequireEveryPropertyOfAnswers(document);
        PublishErrorCodes(document);
    }

    /// <summary>The codes problems carry, as one enumeration that <c>ProblemDetails.code</c> refers to.</summary>
    private static void PublishErrorCodes(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue("ProblemDetails", out var problem) || problem is not OpenApiSchema details)
        {
            return;
        }
        schemas["ErrorCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The stable code of a refusal: what a portal switches on (the detail is for people and may change).",
            Enum = [.. ErrorCodes.All.Select(c => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(c))],
        };
        details.Properties!["code"] = new OpenApiSchemaReference("ErrorCode", document);
    }

    /// <summary>
    /// The schemas only answers use (not reachable from a request body) get every property required: the serializer
    /// writes each one, null or not. Request schemas keep what their validators say (their descriptions).
    /// </summary>
    private static void RequireEveryPropertyOfAnswers(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var media in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? []))
        {
            Reach(media.Schema, schemas, requests);
        }
        foreach (var (id, schema) in schemas)
        {
            if (!requests.Contains(id) && id != "ProblemDetails" && schema is OpenApiSchema { Properties.Count: > 0 } answer)
            {
                answer.Required = new HashSet<string>(answer.Properties.Keys, StringComparer.Ordinal);
            }
        }
    }

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when reference.Reference.Id is { } id:
                if (reached.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    Reach(target, schemas, reached);
                }
                break;
            case OpenApiSchema concrete:
                foreach (var part in (concrete.Properties?.Values ?? []).Concat(concrete.OneOf ?? []).Concat(concrete.AllOf ?? []).Concat(concrete.AnyOf ?? []))
                {
                    Reach(part, schemas, reached);
                }
                Reach(concrete.Items, schemas, reached);
                Reach(concrete.AdditionalProperties, schemas, reached);
                break;
        }
    }

    private static void Unwrap(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }
        if (concrete.Properties is { } properties)
        {
            foreach (var name in properties.Keys.ToList())
            {
                properties[name] = Simplified(properties[name], document);
                Unwrap(properties[name], document);
            }
        }
        if (concrete.Items is { } items)
        {
            concrete.Items = Simplified(items, document);
            Unwrap(concrete.Items, document);
        }
    }

    private static IOpenApiSchema Simplified(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper || wrapper.Properties is { Count: > 0 })
        {
            return schema;
        }
        var id = reference.Reference.Id!;
        return wrapper.Type is { } type && type.HasFlag(JsonSchemaType.Null)
            ? new OpenApiSchema { Description = wrapper.Description, OneOf = [new OpenApiSchemaReference(id, document), new OpenApiSchema { Type = JsonSchemaType.Null }] }
            : new OpenApiSchemaReference(id, document) { Description = wrapper.Description };
    }
}
