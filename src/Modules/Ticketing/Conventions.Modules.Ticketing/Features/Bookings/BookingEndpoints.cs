using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Ticketing.Features;

internal static class BookingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var staff = new[] { Role.Booker, Role.Partner };

        api.MapPost("/beneficiaries", async Task<Created<BeneficiaryDto>> (RegisterBeneficiary command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/v1/beneficiaries", await mediator.Send(command, ct)))
            .WithTags("Beneficiaries").RequireRoles(staff)
            .WithSummary("Registers a beneficiary (Actionneur) with minimal data, visible to your organization only.")
            .ProducesRefusals(400, 401, 403);

        api.MapGet("/beneficiaries", async Task<Ok<ListResponse<BeneficiaryDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBeneficiaries(), ct)))
            .WithTags("Beneficiaries").RequireRoles(staff)
            .ListsPersonalData("beneficiaries")
            .WithSummary("Your organization's beneficiaries (never another organization's).")
            .ProducesRefusals(401, 403);

        api.MapGet("/beneficiaries/{id:guid}/export", async Task<Ok<BeneficiaryExportDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportBeneficiary(id), ct)))
            .WithTags("Beneficiaries").RequireRoles(staff)
            .WithSummary("Everything held about one of your beneficiaries, as JSON (RGPD right of access and portability): the person, each booking with its seats, guests and companions.")
            .ProducesRefusals(401, 403, 404);

        api.MapDelete("/beneficiaries/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EraseBeneficiary(id), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Beneficiaries").RequireRoles(staff)
            .WithSummary("Erases one of your beneficiaries (RGPD right to erasure): the name and reference, and the names and reasons on their bookings, are anonymised; the bookings stay as counts. 409 beneficiary.upcoming_outing while an outing is still to come: cancel it first. Idempotent.")
            .ProducesRefusals(401, 403, 404, 409);

        var group = api.MapGroup("/bookings").WithTags("Bookings");

        group.MapPost("/", async Task<Created<BookingDto>> (CreateBooking command, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking);
            })
            .RequireRoles(Role.Booker)
            .WithSummary("Books a session for one beneficiary with guests and companions: confirmed with nominative invitations, or waitlisted with its position. A third booking in a week for the same person succeeds with a warning.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapGet("/", async Task<Ok<ListResponse<BookingDto>>> (Guid? sessionId, BookingStatus? status, DateTimeOffset? updatedSince, ListOrder? order, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBookings(sessionId, status, updatedSince, order), ct)))
            .RequireRoles(staff)
            .ListsPersonalData("bookings")
            .WithSummary("Your organization's bookings, by session date, or by last change (order=updated).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<BookingDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBooking(id), ct)))
            .WithEntityTag()
            .RequireRoles(staff)
            .WithSummary("A booking with its invitations.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<BookingDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelBooking(id, null), ct)))
            .RequireRoles(staff)
            .WithSummary("Cancels the booking and all its invitations at once, until the session starts; freed seats go to the waiting list.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/invitations/{invitationId:guid}/cancel", async Task<Ok<BookingDto>> (Guid id, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelBooking(id, invitationId), ct)))
            .RequireRoles(staff)
            .WithSummary("Cancels one guest's or companion's invitation.")
            .ProducesRefusals(401, 403, 404, 409, 422);

        group.MapPatch("/{id:guid}/invitations/{invitationId:guid}", async Task<ProblemHttpResult> (Guid id, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ChangeInvitationHolder(id, invitationId), ct))
            .RequireRoles(staff)
            .WithSummary("Changing an invitation's holder is refused: 422 booking.invitation_nominative (cancel and rebook instead).")
            .ProducesRefusals(401, 403, 422);

        group.MapPost("/{id:guid}/attendance", async Task<Ok<BookingDto>> (Guid id, AttendanceBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordAttendance(id, body), ct)))
            .RequireRoles(staff)
            .WithSummary("Records, after the session, who came (attended / no-show per invitation) and a comment.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapGet("/invitations/{id:guid}/document", async Task<ContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetCounterMark(id), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .OffersPdf("contremarque.pdf")
            .WithTags("Bookings").RequireRoles(staff)
            .WithSummary("The printable nominative counter-mark (contremarque) of an invitation.")
            .ProducesRefusals(400, 401, 403, 404, 409, 503);
    }
}
