using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Web;
using Conventions.Host.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conventions.Host.Infrastructure;

/// <summary>The outcome of a job run.</summary>
internal sealed record JobRunResponse(string Name, int Processed);

internal static class Operations
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder api)
    {
        api.MapPost("/admin/jobs/{name}/run", async Task<Ok<JobRunResponse>> (string name, JobRunner runner, CancellationToken ct) =>
                TypedResults.Ok(new JobRunResponse(name, await runner.RunAsync(name, ct))))
            .WithTags("Operations")
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Runs a job now and waits for it: deadlines, renewals, outbox, notices, backup. Jobs are idempotent; backup takes a verified copy of the embedded database (409 backup.not_sqlite on a server database).")
            .ProducesRefusals(401, 403, 404, 409);
        return api;
    }
}
