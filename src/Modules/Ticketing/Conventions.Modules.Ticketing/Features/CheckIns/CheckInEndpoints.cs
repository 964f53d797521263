using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>The door of a session: its publisher checks counter-marks in and counts them (issue 19).</summary>
internal static class CheckIns
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sessions/{id:guid}/check-ins").WithTags("Check-in");

        group.MapPost("/", async Task<Ok<CheckInDto>> (Guid id, CheckInBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CheckIn(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("Checks a counter-mark in at the door (the session's publisher): answers the holder's name to compare with an ID, the seat's role and whether it was already checked in (idempotent). "
                + "Fills the seat's attendance. From 3 hours before the session to the end of its day. 404 check_in.unknown_code; 409 check_in.other_session, check_in.cancelled, check_in.waitlisted, check_in.outside_window.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapGet("/", async Task<Ok<CheckInCountsDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCheckIns(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("The session's door in counts (booked, checked in, not yet, cancelled, waiting), for its publisher: never a list of names.")
            .ProducesRefusals(401, 403, 404);
    }

    /// <summary>A session and its offer, for the offer's publisher (or the operator of Culture pour tous, or the platform).</summary>
    public static async Task<(Offer Offer, Session Session)> PublishedSessionAsync(TicketingDbContext db, Actor actor, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) ?? throw NotFoundException.For("session", sessionId);
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == session.OfferId, cancellationToken);
        TicketingAccess.EnsurePublisher(actor, offer);
        return (offer, session);
    }
}
