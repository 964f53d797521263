using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Scheduling.Features;

internal static class PermanenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var partners = new[] { Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner };

        api.MapPost("/permanences", async Task<Created<PermanenceDto>> (CreatePermanence command, IMediator mediator, CancellationToken ct) =>
            {
                var permanence = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/venues/{permanence.VenueId}/calendar", permanence);
            })
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Declares a weekly permanence for a semester under an active premises convention. The venue's operator declares an agreed one, which expands at once into dated occurrences that skip public holidays and closures; a partner proposes one (status proposed, no occurrence) that the operator approves or refuses. The slot must fit the venue's opening hours (422 permanence.outside_opening_hours) and the convention's period (422 permanence.outside_period), with no dispute open (409 permanence.dispute_open) and no room conflict (409 room.conflict with the conflicting occurrences).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        api.MapPost("/permanences/{id:guid}/approval", async Task<Ok<PermanenceDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ApprovePermanence(id), ct)))
            .WithTags("Permanences")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The venue's operator approves a proposed permanence: checked again as of now (hours, period, dispute, room), then expanded into its occurrences. 409 permanence.not_proposed otherwise.")
            .ProducesRefusals(401, 403, 404, 409, 422);

        api.MapPost("/permanences/{id:guid}/refusal", async Task<Ok<PermanenceDto>> (Guid id, RefusalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RefusePermanence(id, body), ct)))
            .WithTags("Permanences")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("The venue's operator refuses a proposed permanence, with its reason.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapPost("/rooms/{id:guid}/reservations", async Task<Created<OccurrenceDto>> (Guid id, ReservationBody body, IMediator mediator, CancellationToken ct) =>
            {
                var reservation = await mediator.Send(new ReserveRoom(id, body), ct);
                return TypedResults.Created($"/api/v1/venues/{reservation.VenueId}/calendar", reservation);
            })
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Books a room on appointment, under the same conflict rule (409 room.conflict).")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        api.MapPost("/occurrences/{id:guid}/cancel", async Task<Ok<OccurrenceDto>> (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelOccurrence(id, body), ct)))
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Cancels an occurrence that will not be held: the venue, the partner and everyone with an appointment are notified.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapPost("/occurrences/{id:guid}/appointments", async Task<Created<AppointmentDto>> (Guid id, AppointmentBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/occurrences/{id}", await mediator.Send(new BookAppointment(id, body), ct)))
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Takes an appointment in an occurrence, within its capacity (409 occurrence.full).")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapGet("/appointments/{id:guid}/export", async Task<Ok<AppointmentExportDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportAppointment(id), ct)))
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Everything held about an appointment's holder, as JSON (RGPD right of access): for the venue's operator and the partner running the occurrence.")
            .ProducesRefusals(401, 403, 404);

        api.MapDelete("/appointments/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EraseAppointmentHolder(id), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Permanences")
            .RequireRoles(partners)
            .WithSummary("Erases an appointment's holder (RGPD right to erasure): name, e-mail and phone anonymised, the appointment kept as a count. 409 appointment.upcoming while it is still to come. Idempotent.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
