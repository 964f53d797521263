using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>Documents <c>Idempotency-Key</c> on every keyed POST: the header, the replay marker and the two refusals it adds.</summary>
internal sealed class IdempotencyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase) || operation.Security is not { Count: > 0 })
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A key of your choice (a UUID) to retry this request safely: within 24 hours the same key with the same request "
                + "gets the first answer again (with Idempotent-Replayed: true) instead of doing it twice. Keys belong to the calling key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
        });
        if (operation.Responses is not { } responses)
        {
            return;
        }
        foreach (var (status, response) in responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers[IdempotencyKeyMiddleware.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "true when this is the stored answer to an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
                };
            }
        }
        if (responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse problem)
        {
            Describe(responses, "409", "idempotency.in_flight: a request with this Idempotency-Key is still being served.", problem);
            Describe(responses, "422", "idempotency.key_reused: this Idempotency-Key was used for another request.", problem);
        }
    }

    private static void Describe(OpenApiResponses responses, string status, string text, OpenApiResponse problem)
    {
        if (responses.TryGetValue(status, out var existing) && existing is OpenApiResponse known)
        {
            known.Description = $"{known.Description} Also {text}";
            return;
        }
        responses[status] = new OpenApiResponse { Description = text, Content = problem.Content };
    }
}
