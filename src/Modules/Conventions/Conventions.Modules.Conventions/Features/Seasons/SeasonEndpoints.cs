using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Conventions.Modules.Conventions.Features;

internal static class SeasonEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/programs/culture-pour-tous/seasons/{season}/renewal", async Task<Ok<SeasonRenewalDto>> (string season, bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RenewSeason(season, dryRun ?? false), ct)))
            .WithTags("Conventions")
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Culture pour tous' season turnover: for each partner whose convention of the season (e.g. 2026-2027, ending 30 September 2027) is active and not under dispute, "
                + "drafts next season's convention from it, freezes it, sends it for signature and tells both parties; reports who was drafted and who was skipped and why "
                + "(not-active, under-dispute, already-drafted). Running it again drafts nobody twice. ?dryRun=true reports without drafting. The operator's own conventions.")
            .ProducesRefusals(400, 401, 403);
    }
}
