using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Partners.Features;

internal static class AccessLogEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/personal-data-access", async Task<Ok<ListResponse<PersonalDataAccessDto>>> (Guid? organizationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPersonalDataAccess(organizationId), ct)))
            .WithTags("Personal data")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("The log of reads of personal data in bulk (lists of beneficiaries, bookings, organizations and their contacts, notices, the partner directory), newest first, kept 12 months: the platform's in full, an organization's own keys' otherwise.")
            .ProducesRefusals(400, 401, 403);
    }
}
