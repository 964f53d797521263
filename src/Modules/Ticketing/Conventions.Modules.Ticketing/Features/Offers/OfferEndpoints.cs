using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

internal static class OfferEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/offers").WithTags("Offers");

        group.MapPost("/", async Task<Created<OfferDto>> (CreateOffer command, IMediator mediator, CancellationToken ct) =>
            {
                var offer = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/offers/{offer.Id}", offer);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("A cultural partner deposits free invitations: an offer with its sessions and seats.")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/", async Task<Ok<ListResponse<OfferDto>>> (OfferCategory? category, string? city, DateTimeOffset? updatedSince, ListOrder? order, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOffers(category, city, updatedSince, order), ct)))
            .AllowVisitors()
            .WithSummary("The offers and their sessions with the seats left (visitor codes included), by title, or by last change (order=updated; seat counts are live and do not count as a change).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<OfferDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOffer(id), ct)))
            .WithEntityTag()
            .AllowVisitors()
            .WithSummary("An offer with its sessions (visitor codes included).")
            .ProducesRefusals(401, 403, 404);

        group.MapPatch("/{id:guid}/sessions/{sessionId:guid}", async Task<Ok<SessionDto>> (Guid id, Guid sessionId, SessionChangeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeSession(id, sessionId, body), ct)))
            .HonoursIfMatch()
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("Changes a session's time or seats; every booking structure is told of a new time.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/sessions/{sessionId:guid}/cancel", async Task<Ok<SessionDto>> (Guid id, Guid sessionId, SessionCancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSession(id, sessionId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("Cancels a session: its bookings are cancelled and every booking structure notified.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
