using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Mediator;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Records each successful call of a list marked <see cref="PersonalDataList"/> in the access log (Partners module): who,
/// through which key, when, what was asked (issue 18, RGPD accountability). Written after the answer, in a scope of its
/// own: a failure to log is logged, never the caller's problem.
/// </summary>
internal sealed partial class PersonalDataAccessLogging(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PersonalDataAccessLogging> logger)
{
    public async Task InvokeAsync(HttpContext context, ICurrentActor current)
    {
        await next(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataList>() is not { } list
            || context.Response.StatusCode is < 200 or >= 300 || current.Actor is not { IsAuthenticated: true, IsSystem: false } actor)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordPersonalDataAccess(
                actor.CredentialId, actor.OrganizationId, actor.Role is { } role ? JsonDefaults.Kebab(role) : null, list.Resource,
                $"{context.Request.Path}{context.Request.QueryString}", clock.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, list.Resource, e);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "The personal-data access log could not record a read of {Resource}")]
    private static partial void LogFailed(ILogger logger, string resource, Exception exception);
}
