using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations/{id:guid}/credentials").WithTags("Credentials");

        api.MapPost("/credential-claims/{token}", async Task<Created<IssuedCredentialDto>> (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/v1/credential-claims", await mediator.Send(new ClaimCredential(token), ct)))
            .AllowAnonymous()
            .WithTags("Credentials")
            .WithSummary("Collects a reissued key with the one-time link its organization's referents received by notice (no key: the link is the credential, for 30 days). "
                + "The key is drawn now and shown in this response only; a second use is 409 credential_claim.already_claimed, an unknown or expired link 403 credential_claim.invalid.")
            .ProducesRefusals(403, 409);

        group.MapPost("/", async Task<Created<IssuedCredentialDto>> (Guid id, CredentialBody body, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueCredential(id, body), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Issues an API key for the organization. The key is in this response only; it expires at the end of the season unless expiresOn says otherwise.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/", async Task<Ok<ListResponse<CredentialDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCredentials(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Lists the organization's keys (never the keys themselves): platform admins and the operators of the organization's programs.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{credentialId:guid}/revoke", async Task<Ok<CredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeCredential(id, credentialId), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Revokes a key: it stops working at once (platform admins and the operators of the organization's programs).")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{credentialId:guid}/rotate", async Task<Created<IssuedCredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new RotateCredential(id, credentialId), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/credentials", issued);
            })
            .WithSummary("Replaces a key with a new one; the old key stops working at once. Staff may rotate the key they call with; the organization's operators and the platform rotate any. An expired or revoked key is not rotated (409); of concurrent rotations one wins, the others get 409.")
            .ProducesRefusals(401, 403, 404, 409);

        var platform = api.MapGroup("/platform/credentials").WithTags("Credentials");

        platform.MapGet("/", async Task<Ok<ListResponse<CredentialDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPlatformCredentials(), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: the platform admin keys (the bootstrap key among them), never the keys themselves.")
            .ProducesRefusals(401, 403);

        platform.MapPost("/", async Task<Created<IssuedCredentialDto>> (PlatformCredentialBody body, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssuePlatformCredential(body), ct);
                return TypedResults.Created("/api/v1/platform/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: issues another platform admin key (shown once).")
            .ProducesRefusals(400, 401, 403);

        platform.MapPost("/{credentialId:guid}/rotate", async Task<Created<IssuedCredentialDto>> (Guid credentialId, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new RotatePlatformCredential(credentialId), ct);
                return TypedResults.Created("/api/v1/platform/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: replaces a platform admin key (the bootstrap key included); the old key stops working at once.")
            .ProducesRefusals(401, 403, 404, 409);

        platform.MapPost("/{credentialId:guid}/revoke", async Task<Ok<CredentialDto>> (Guid credentialId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokePlatformCredential(credentialId), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: revokes a platform admin key, unless it is the last one that works (409 credential.last_platform_admin).")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
