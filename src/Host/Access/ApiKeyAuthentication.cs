using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Conventions.Host.Access;

/// <summary>The <c>X-Api-Key</c> scheme: a key issued by the Partners module, looked up by its hash on each call.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator,
    CurrentActor currentActor) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string FailureCodeItem = "auth.failure_code";
    public const string SuspendedClaim = "suspended";
    public const string SuspensionReasonClaim = "suspension_reason";
    public const string OrganizationClaim = "organization";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            Context.Items[FailureCodeItem] = "auth.missing_key";
            return AuthenticateResult.NoResult();
        }
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(key))
        {
            return Fail("auth.invalid_key", "The X-Api-Key header must hold exactly one key.");
        }
        var identity = await mediator.Send(new AuthenticateApiKey(key), Context.RequestAborted);
        if (identity is null)
        {
            return Fail("auth.invalid_key", "Unknown API key.");
        }
        switch (identity.State)
        {
            case CredentialState.Revoked:
                return Fail("auth.key_revoked", "This API key was revoked or rotated.");
            case CredentialState.Expired:
                return Fail("auth.key_expired", "This API key has expired; ask your operator for this season's key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.CredentialId.ToString()),
            new(ClaimTypes.Role, JsonDefaults.Kebab(identity.Role)),
            new(SuspendedClaim, identity.OrganizationSuspended ? "true" : "false"),
        };
        if (identity.OrganizationId is { } organizationId)
        {
            claims.Add(new Claim(OrganizationClaim, organizationId.ToString()));
        }
        if (identity.SuspensionReason is { } reason)
        {
            claims.Add(new Claim(SuspensionReasonClaim, reason));
        }
        currentActor.Actor = new Actor(identity.CredentialId, identity.OrganizationId, identity.Role, IsSystem: false, identity.Programs, identity.OperatedPrograms);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Fail(string code, string message)
    {
        Context.Items[FailureCodeItem] = code;
        return AuthenticateResult.Fail(message);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var code = Context.Items[FailureCodeItem] as string ?? "auth.missing_key";
        var detail = code switch
        {
            "auth.missing_key" => "This call needs an API key in the X-Api-Key header.",
            "auth.key_revoked" => "This API key was revoked or rotated.",
            "auth.key_expired" => "This API key has expired; ask your operator for this season's key.",
            _ => "Unknown API key.",
        };
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Problems.WriteAsync(Context, Problems.Create(401, code, detail, Context));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(403, "auth.role_forbidden", "Your role does not allow this call.", Context));
}

/// <summary>A suspended organization's keys authenticate but are refused everywhere with 403 <c>organization.suspended</c>.</summary>
internal sealed class NotSuspendedRequirement : AuthorizationHandler<NotSuspendedRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotSuspendedRequirement requirement)
    {
        if (context.User.FindFirst(ApiKeyAuthenticationHandler.SuspendedClaim)?.Value == "false")
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Writes every authorization refusal as problem details with a stable code.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var suspended = context.User.FindFirst(ApiKeyAuthenticationHandler.SuspendedClaim)?.Value == "true";
            var problem = suspended
                ? Problems.Create(403, "organization.suspended",
                    "Your organization's account is suspended" + (context.User.FindFirst(ApiKeyAuthenticationHandler.SuspensionReasonClaim)?.Value is { } reason ? ": " + reason : "."),
                    context)
                : Problems.Create(403, "auth.role_forbidden",
                    string.Create(CultureInfo.InvariantCulture, $"Your role ({context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value}) does not allow this call."),
                    context);
            await Problems.WriteAsync(context, problem);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
