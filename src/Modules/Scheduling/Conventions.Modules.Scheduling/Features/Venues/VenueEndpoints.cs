using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Scheduling.Features;

internal static class VenueEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/venues").WithTags("Venues");

        group.MapPost("/", async Task<Created<VenueDto>> (CreateVenue command, IMediator mediator, CancellationToken ct) =>
            {
                var venue = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/venues/{venue.Id}", venue);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Registers a venue lending rooms and offices (its operator's admins).")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/{id:guid}", async Task<Ok<VenueDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetVenue(id), ct)))
            .WithEntityTag()
            .WithSummary("A venue with its rooms, offices and closures.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/rooms", async Task<Created<RoomDto>> (Guid id, RoomBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}", await mediator.Send(new AddRoom(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Adds a room or an office (capacity, internet access).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPut("/{id:guid}/opening-hours", async Task<Ok<VenueDto>> (Guid id, OpeningHoursBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetOpeningHours(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Replaces the venue's opening hours, day by day (several ranges a day); a new permanence must fit them (422 permanence.outside_opening_hours). An empty list lifts the restriction. The venue's operator only.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{id:guid}/internal-rules", async Task<Created<InternalRulesDto>> (Guid id, InternalRulesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}/internal-rules", await mediator.Send(new PublishInternalRules(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Publishes a new version of the venue's internal rules (article 3 of La Ruche's convention); the partners working at the venue are asked by notice to acknowledge it. The venue's operator only.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/{id:guid}/internal-rules", async Task<Ok<InternalRulesOverviewDto>> (Guid id, int? version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInternalRules(id, version), ct)))
            .WithSummary("The venue's internal rules: the current version (or ?version=n) with its text and SHA-256, every version, and the acknowledgments the caller may see (all for the venue's operator, its own for a partner).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{id:guid}/internal-rules/acknowledgments", async Task<Created<RulesAcknowledgmentDto>> (Guid id, AcknowledgmentBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}/internal-rules", await mediator.Send(new AcknowledgeInternalRules(id, body), ct)))
            .RequireRoles(Role.OperatorAdmin, Role.Partner)
            .WithSummary("The partner acknowledges the current version of the internal rules under its premises convention (who read it; the key, instant and address are recorded). An internal-rules breach dispute cites the version acknowledged.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/closures", async Task<Created<ClosureResultDto>> (Guid id, ClosureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}", await mediator.Send(new AddClosure(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Closes the venue for a period; the planned occurrences in it are cancelled and their people notified.")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
