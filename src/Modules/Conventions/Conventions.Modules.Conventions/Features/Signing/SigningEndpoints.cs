using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class SigningEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapPost("/{id:guid}/send-for-signature", async Task<Ok<ConventionDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendForSignature(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Freezes the rendered document and its SHA-256; the convention awaits both signatures. 409 unless it is a draft.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/signatures", async Task<Created<ConventionDto>> (Guid id, SignatureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new SignConvention(id, body), ct)))
            .RequireRoles(Role.OperatorAdmin, Role.Partner)
            .WithSummary("Records a party's signature, through a key of that party's own organization, by one of its registered signatory contacts (contactId, or the contact's name), dated the server's day in Europe/Paris; the evidence (key, client address, user agent, instant, document hash) is kept. With both, the convention is active at once if its term has started, otherwise signed until its start date.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
