using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;

namespace Conventions.Host.Access;

/// <summary>
/// A suspended organization's keys are refused on every endpoint that needs a key, with 403 <c>organization.suspended</c>.
/// This cannot be left to the default authorization policy alone: once an endpoint carries an explicit policy (a role
/// restriction), ASP.NET Core no longer combines the default policy for a bare [Authorize], so the requirement would be
/// skipped on exactly the role-restricted routes. Runs after authentication, before authorization.
/// It also keeps visitor codes to the endpoints marked <see cref="VisitorsAllowed"/> (offers and sessions): a visitor
/// code is handed to beneficiaries and reads nothing else.
/// </summary>
internal sealed class SuspensionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var needsKey = endpoint is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null);
        if (needsKey && context.User.FindFirst(ApiKeyAuthenticationHandler.SuspendedClaim)?.Value == "true")
        {
            var reason = context.User.FindFirst(ApiKeyAuthenticationHandler.SuspensionReasonClaim)?.Value;
            await Problems.WriteAsync(context, Problems.Create(403, "organization.suspended",
                "Your organization's account is suspended" + (reason is null ? "." : ": " + reason), context));
            return;
        }
        if (needsKey && context.User.IsInRole(JsonDefaults.Kebab(Role.Visitor)) && endpoint!.Metadata.GetMetadata<VisitorsAllowed>() is null)
        {
            await Problems.WriteAsync(context, Problems.Create(403, "auth.role_forbidden",
                "A visitor code reads offers and sessions only.", context));
            return;
        }
        await next(context);
    }
}
