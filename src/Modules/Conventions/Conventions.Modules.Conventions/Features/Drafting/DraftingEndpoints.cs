using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class DraftingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/convention-templates", async Task<Ok<ListResponse<TemplateDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTemplates(), ct)))
            .WithTags("Convention templates")
            .WithSummary("The built-in convention templates, with their clauses as data: term, renewal policy, dispute policy, commitments and variables.")
            .ProducesRefusals(401, 403);

        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapPost("/", async Task<Created<ConventionDto>> (CreateConvention command, IMediator mediator, CancellationToken ct) =>
            {
                var convention = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/conventions/{convention.Id}", convention);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Drafts a convention from a template (operator admins of the operator, platform admins).")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapPatch("/{id:guid}", async Task<Ok<ConventionDto>> (Guid id, EditConventionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditConvention(id, body), ct)))
            .HonoursIfMatch()
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Changes a draft. Once sent for signature the document is frozen: 409 convention.frozen, use an amendment.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
