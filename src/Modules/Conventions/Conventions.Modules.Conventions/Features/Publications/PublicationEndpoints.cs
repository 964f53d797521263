using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class PublicationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions/{id:guid}/publications").WithTags("Publications");

        group.MapPost("/", async Task<Created<PublicationDto>> (Guid id, PublicationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new SubmitPublication(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("Submits a publication about the partnership (Ruche art. 5): it must bear both logos (422 otherwise) and be approved by both parties.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{publicationId:guid}/approvals", async Task<Created<PublicationDto>> (Guid id, Guid publicationId, ApprovalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new ApprovePublication(id, publicationId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("A party approves the publication; with both approvals it is approved.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
