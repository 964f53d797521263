using Conventions.BuildingBlocks.Web;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Documents <c>limit</c>, <c>cursor</c> and the <c>Link</c> header on every operation that answers a list; on the answers
/// that are paged only when asked (a venue's calendar: <see cref="IPagedList"/> but not a <see cref="ListResponse{T}"/>),
/// <c>limit</c> has no default.
/// </summary>
internal sealed class PagingOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var lists = context.ApiDescription.SupportedResponseTypes
            .Any(r => r.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ListResponse<>));
        var pagedWhenAsked = !lists && context.ApiDescription.SupportedResponseTypes.Any(r => r.Type is { } type && typeof(IPagedList).IsAssignableFrom(type));
        if (!lists && !pagedWhenAsked)
        {
            return;
        }
        operation.Parameters ??= [];
        var existing = operation.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (existing.Contains("limit"))
        {
            operation.Parameters.Remove(operation.Parameters.First(p => p.Name == "limit"));
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "limit",
            In = ParameterLocation.Query,
            Description = pagedWhenAsked
                ? $"Items per page, {PageRequest.MaxLimit} at most: the answer then comes by pages. Without limit or cursor, every item at once."
                : $"Items per page: {PageRequest.DefaultLimit} by default, {PageRequest.MaxLimit} at most.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Default = pagedWhenAsked ? null : System.Text.Json.Nodes.JsonValue.Create(PageRequest.DefaultLimit),
            },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "cursor",
            In = ParameterLocation.Query,
            Description = "The next page: the 'next' of the previous page, as it is (opaque). Pages follow the list's order and stay stable while items are added.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Link"] = new OpenApiHeader
            {
                Description = "RFC 8288: <url of the next page>; rel=\"next\", when there is one.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}
