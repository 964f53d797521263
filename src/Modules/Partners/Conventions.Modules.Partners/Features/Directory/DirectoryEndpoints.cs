using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

internal static class DirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/directory").WithTags("Directory");

        group.MapGet("/", async Task<Ok<ListResponse<PublicDirectoryEntry>>> (OrganizationKind? kind, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPublicDirectory(kind), ct)))
            .AllowAnonymous()
            .WithSummary("The public directory (no key): every organization whose account is not suspended, with its name, postal address, website, and phone where it agreed.")
            .ProducesRefusals(400);

        group.MapGet("/partners", async Task<Ok<ListResponse<PartnerDirectoryEntry>>> (OrganizationKind? kind, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPartnerDirectory(kind), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Booker, Role.Publisher, Role.Partner)
            .ListsPersonalData("partner-directory")
            .WithSummary("The partner directory (any partner key, not visitor codes): the organizations that share a program with the caller, with contact details and referents.")
            .ProducesRefusals(400, 401, 403);
    }
}
