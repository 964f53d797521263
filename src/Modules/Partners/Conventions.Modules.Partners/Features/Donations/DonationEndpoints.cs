using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

internal static class DonationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations/{id:guid}/donations").WithTags("Donations");

        group.MapPost("/", async Task<Created<DonationDto>> (Guid id, DonationBody body, IMediator mediator, CancellationToken ct) =>
            {
                var donation = await mediator.Send(new RecordDonation(id, body), ct);
                return TypedResults.Created(donation.ReceiptUrl, donation);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Records a donation made by this organization and renders its receipt. A donation is optional and changes no right (Culture pour tous art. 5).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/", async Task<Ok<ListResponse<DonationDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDonations(id), ct)))
            .WithSummary("Lists the organization's donations.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{donationId:guid}/receipt", async Task<ContentHttpResult> (Guid id, Guid donationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetDonationReceipt(id, donationId), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .OffersPdf("recu-fiscal.pdf")
            .WithSummary("The donation receipt (HTML, printable).")
            .ProducesRefusals(400, 401, 403, 404, 503);
    }
}
