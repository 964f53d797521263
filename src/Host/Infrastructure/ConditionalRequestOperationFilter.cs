using Conventions.BuildingBlocks.Web;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Documents conditional requests (ADR 0017): the <c>ETag</c>, <c>If-None-Match</c> and 304 of a tagged read, the
/// <c>If-Match</c> and 412 <c>precondition.failed</c> of a change that honours it.
/// </summary>
internal sealed class ConditionalRequestOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<EntityTagged>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(EntityTags.IfNoneMatchHeader,
                "The ETag of the representation you hold: if it is still current, the answer is 304 without a body."));
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The representation's entity tag: send it back in If-None-Match to revalidate, or in If-Match to change the resource only if it is unchanged.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            operation.Responses ??= [];
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the representation named by If-None-Match is current." };
        }
        if (metadata.OfType<IfMatchHonoured>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(EntityTags.IfMatchHeader,
                "Make the change only if the resource is unchanged: the ETag of the resource as read from its GET (for a session, its offer's). Without it the change is made regardless."));
            if (operation.Responses is { } responses && responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse problem)
            {
                responses["412"] = new OpenApiResponse
                {
                    Description = "precondition.failed: the resource has changed since the ETag in If-Match was read.",
                    Content = problem.Content,
                };
            }
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
