using System.Net.Http.Headers;
using System.Text;
using Conventions.BuildingBlocks.Access;
using Conventions.Modules.Partners.Contracts;
using Hangfire.Dashboard;
using Mediator;

namespace Conventions.Host.Jobs;

/// <summary>
/// The Hangfire dashboard is for platform admins. A browser signs in with basic authentication: any user name, and a
/// platform admin API key as the password (the <c>X-Api-Key</c> header works too).
/// </summary>
internal sealed class HangfireDashboardAccessMiddleware(RequestDelegate next)
{
    public const string GrantedItem = "hangfire.granted";

    public async Task InvokeAsync(HttpContext context, IMediator mediator)
    {
        var key = KeyFrom(context.Request);
        if (key is not null)
        {
            var identity = await mediator.Send(new AuthenticateApiKey(key), context.RequestAborted);
            if (identity is { State: CredentialState.Valid, Role: Role.PlatformAdmin })
            {
                context.Items[GrantedItem] = true;
                await next(context);
                return;
            }
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Hangfire (platform admin key as password)\", charset=\"UTF-8\"";
        await context.Response.WriteAsync("A platform admin API key is required.");
    }

    private static string? KeyFrom(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0];
        }
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth)
            && string.Equals(auth.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && auth.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? decoded[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }
}

internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().Items.ContainsKey(HangfireDashboardAccessMiddleware.GrantedItem);
}
