using System.Text.Json.Nodes;
using Conventions.Modules.Webhooks.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// The OpenAPI 3.1 <c>webhooks</c> of the document: one entry per event type, the request a portal's endpoint receives
/// (the Standard Webhooks headers, and the body: <c>type</c>, <c>timestamp</c>, <c>data</c> of that type's schema).
/// Runs before <see cref="ContractDocumentFilter"/>, which then treats their schemas like every other (ADR 0018).
/// </summary>
internal sealed class WebhooksDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (type, dataType, description) in WebhookCatalog.Events)
        {
            var data = context.SchemaGenerator.GenerateSchema(dataType, context.SchemaRepository);
            var envelope = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "type", "timestamp", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
                    ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the event happened." },
                    ["data"] = data,
                },
            };
            var item = new OpenApiPathItem();
            item.AddOperation(HttpMethod.Post, new OpenApiOperation
            {
                OperationId = "on" + string.Concat(type.Split('.', '-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
                Summary = description,
                Description = "Posted to your webhook's URL, signed: check webhook-signature before trusting the body, and deduplicate by webhook-id (retries keep it).",
                Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                Parameters =
                [
                    Header("webhook-id", "The delivery's id (msg_…), the same on every retry."),
                    Header("webhook-timestamp", "When this attempt was signed, in Unix seconds: refuse old ones (replay)."),
                    Header("webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body>, one per secret (two during a rotation), separated by spaces."),
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } },
                },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "Received: any 2xx ends the delivery." },
                    ["400"] = new OpenApiResponse { Description = "Refused (a bad signature, say): any other answer, or none within 10 s, is retried for 3 days." },
                },
                Security = [],
            });
            document.Webhooks[type] = item;
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
