using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

internal static class OrganizationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");

        group.MapPost("/", async Task<Created<OrganizationDto>> (RegisterOrganization command, IMediator mediator, CancellationToken ct) =>
            {
                var organization = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Registers an organization. An operator admin's registration joins the operator's programs; an operator admin whose organization operates no program gets 403 program.operator_only.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/", async Task<Ok<ListResponse<OrganizationDto>>> (OrganizationKind? kind, DateTimeOffset? updatedSince, ListOrder? order, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrganizations(kind, updatedSince, order), ct)))
            .ListsPersonalData("organizations")
            .WithSummary("Lists the organizations the caller may see: all for platform admins, those of an operator's programs, otherwise the caller's own; by name, or by last change (order=updated).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<OrganizationDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrganization(id), ct)))
            .WithEntityTag()
            .WithSummary("Reads an organization with its contacts.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/contacts", async Task<Created<ContactDto>> (Guid id, ContactBody body, IMediator mediator, CancellationToken ct) =>
            {
                var contact = await mediator.Send(new AddContact(id, body), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}", contact);
            })
            .WithSummary("Adds a contact (signatory, referent, staff) to an organization: its partner staff, the operators of its programs, the platform.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPut("/{id:guid}/logo", async Task<Ok<LogoDto>> (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                return TypedResults.Ok(await mediator.Send(new UploadLogo(id, request.ContentType, body.ToArray()), ct));
            })
            .AcceptsBinary(LogoImage.Png, LogoImage.Svg)
            .WithSummary("Sets the organization's logo, printed on its documents (La Ruche, article 5): a PNG (at most 4,096 pixels a side) or an SVG, which is sanitised (no script, event handler, foreign object or external reference); at most 200 KB. Its partner staff, the operators of its programs, the platform.")
            .ProducesRefusals(400, 401, 403, 404, 413);

        group.MapGet("/{id:guid}/logo", async Task<FileContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var logo = await mediator.Send(new GetLogo(id), ct);
                return TypedResults.File(logo.Content, logo.ContentType);
            })
            .ProducesBinary(LogoImage.Png, LogoImage.Svg)
            .WithSummary("The organization's logo (PNG or sanitised SVG), for any valid key: it is printed on documents both parties hold.")
            .ProducesRefusals(401, 403, 404);

        group.MapDelete("/{id:guid}/logo", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteLogo(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes the organization's logo; documents frozen with it keep it.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/suspend", async Task<Ok<OrganizationDto>> (Guid id, SuspendBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SuspendOrganization(id, body.Reason), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Suspends a partner's account for misuse: its keys get 403 organization.suspended until reactivated.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/reactivate", async Task<Ok<OrganizationDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReactivateOrganization(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Reactivates a suspended account.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
