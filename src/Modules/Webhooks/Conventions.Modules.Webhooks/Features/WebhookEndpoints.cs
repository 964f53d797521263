using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Webhooks.Features;

internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks");
        var managers = WebhookAccess.Managers;

        group.MapPost("/", async Task<Created<WebhookSecretDto>> (WebhookBody body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateWebhook(body), ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
            })
            .RequireRoles(managers)
            .WithSummary("Registers a webhook for your organization (platform admins: for organizationId): an https URL and the event types wanted. The signing secret is in this answer only.")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/", async Task<Ok<ListResponse<WebhookDto>>> (Guid? organizationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooks(organizationId), ct)))
            .RequireRoles(managers)
            .WithSummary("Your organization's webhooks (all, or one organization's, for platform admins), oldest first.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<WebhookDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWebhook(id), ct)))
            .WithEntityTag()
            .RequireRoles(managers)
            .WithSummary("A webhook: URL, event types, status (disabled after 3 days of failed deliveries), never its secret.")
            .ProducesRefusals(401, 403, 404);

        group.MapPatch("/{id:guid}", async Task<Ok<WebhookDto>> (Guid id, WebhookChangeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeWebhook(id, body), ct)))
            .RequireRoles(managers)
            .WithSummary("Changes a webhook's URL, event types or description; enabled: true sends again what waited while it was disabled.")
            .ProducesRefusals(400, 401, 403, 404, 422);

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteWebhook(id), ct);
                return TypedResults.NoContent();
            })
            .RequireRoles(managers)
            .WithSummary("Deletes a webhook and its delivery history.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/rotate-secret", async Task<Ok<WebhookSecretDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RotateWebhookSecret(id), ct)))
            .RequireRoles(managers)
            .WithSummary("A new signing secret, in this answer only; the previous one still signs beside it for 24 hours.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{id:guid}/deliveries", async Task<Ok<ListResponse<DeliveryDto>>> (Guid id, DeliveryStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveries(id, status), ct)))
            .RequireRoles(managers)
            .WithSummary("The webhook's deliveries, newest first, with each attempt (status code, duration, error) and the next try.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async Task<Accepted<DeliveryDto>> (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new RedeliverDelivery(id, deliveryId), ct)))
            .RequireRoles(managers)
            .WithSummary("Sends a delivery again now, same webhook-id and body.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/test", async Task<Accepted<DeliveryDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new SendTestPing(id), ct)))
            .RequireRoles(managers)
            .WithSummary("Sends a signed webhook.ping now, to check the endpoint; follow it in the deliveries.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
