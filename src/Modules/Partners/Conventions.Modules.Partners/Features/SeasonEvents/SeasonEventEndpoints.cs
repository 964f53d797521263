using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

/// <summary>Season meetings, trainings, workshops and mediation activities for the partners' staff (issue 19).</summary>
internal static class SeasonEventEndpoints
{
    private static readonly Role[] Staff = [Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner, Role.Booker, Role.Publisher];

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/season-events").WithTags("Season events");

        group.MapPost("/", async Task<Created<SeasonEventDto>> (SeasonEventBody body, IMediator mediator, CancellationToken ct) =>
            {
                var e = await mediator.Send(new PublishSeasonEvent(body), ct);
                return TypedResults.Created($"/api/v1/season-events/{e.Id}", e);
            })
            .RequireRoles(Role.OperatorAdmin)
            .WithSummary("The operator publishes a meeting, training, workshop or mediation activity of its program (date and place, capacity, audience: which partner kinds).")
            .ProducesRefusals(400, 401, 403);

        group.MapPost("/proposals", async Task<Created<SeasonEventDto>> (SeasonEventBody body, IMediator mediator, CancellationToken ct) =>
            {
                var e = await mediator.Send(new ProposeMediation(body), ct);
                return TypedResults.Created($"/api/v1/season-events/{e.Id}", e);
            })
            .RequireRoles(Role.Partner, Role.Publisher, Role.Booker)
            .WithSummary("A partner proposes a mediation activity to an operator of its program, who accepts it into the programme or declines it with a reason.")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/", async Task<Ok<ListResponse<SeasonEventDto>>> (string? program, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSeasonEvents(program), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner, Role.Booker, Role.Publisher)
            .ListsPersonalData("season-events")
            .WithSummary("The season events the caller may see, soonest first, with their seats counted and the registrations it may see (all for the event's operator, its own for a partner).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<SeasonEventDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSeasonEvent(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner, Role.Booker, Role.Publisher)
            .WithSummary("A season event, its seats and the registrations the caller may see.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/acceptance", async Task<Ok<SeasonEventDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptMediation(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator accepts a proposed mediation activity into the programme (registrations open).")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/refusal", async Task<Ok<SeasonEventDto>> (Guid id, DeclineBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeclineMediation(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator declines a proposed mediation activity, with its reason.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapPost("/{id:guid}/registrations", async Task<Created<SeasonEventDto>> (Guid id, RegistrationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/season-events/{id}", await mediator.Send(new RegisterForEvent(id, body), ct)))
            .RequireRoles(Role.Partner, Role.Booker, Role.Publisher)
            .WithSummary("A partner's staff registers a named person (name, role in the structure, e-mail): a seat while some are left, otherwise the waiting list, promoted in order as seats free up. "
                + "409 season_event.already_registered, season_event.started; 422 season_event.not_in_audience.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/registrations/{registrationId:guid}/cancel", async Task<Ok<SeasonEventDto>> (Guid id, Guid registrationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelRegistration(id, registrationId), ct)))
            .RequireRoles(Staff)
            .WithSummary("Cancels a registration (its structure, or the event's operator) before the event; the freed seat goes to the first waiting registration, whose structure and person are told.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/attendance", async Task<Ok<SeasonEventDto>> (Guid id, EventAttendanceBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeEventAttendance(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The operator takes attendance once the event has started (confirmed registrations only).")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
