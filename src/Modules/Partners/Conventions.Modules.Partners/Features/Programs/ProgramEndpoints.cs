using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

internal static class ProgramEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs");

        group.MapGet("/", async Task<Ok<ListResponse<ProgramDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPrograms(), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Booker, Role.Publisher, Role.Partner)
            .WithSummary("The programs (culture-pour-tous, ruche-numerique) with their operator organizations.")
            .ProducesRefusals(401, 403);

        group.MapPost("/{key}/credentials/reissue", async Task<Ok<ReissueReportDto>> (string key, ReissueBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReissueProgramCredentials(key, body ?? new ReissueBody()), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Reissues the program's keys for the next season in one call (its operators): each member organization's referents get, by notice, a one-time link per key expiring by the season's end "
                + "(POST /credential-claims/{token}); the current keys keep working until they expire. Answers counts per organization, never a key or a link. Running it again reissues nothing twice.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{key}/operators", async Task<Ok<ProgramDto>> (string key, ProgramOrganizationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AddProgramOperator(key, body), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: makes an organization an operator of the program. Its operator-admin keys then act within the program only.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapDelete("/{key}/operators/{organizationId:guid}", async Task<Ok<ProgramDto>> (string key, Guid organizationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveProgramOperator(key, organizationId), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: removes an operator from the program.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{key}/members", async Task<Ok<ProgramDto>> (string key, ProgramOrganizationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AddProgramMember(key, body), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: binds an organization to the program (operators register theirs with POST /organizations).")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
