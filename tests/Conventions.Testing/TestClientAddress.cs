using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Conventions.Testing;

/// <summary>
/// Gives the test server's requests a client address (the in-memory server has none): 192.0.2.10, from the block RFC 5737
/// keeps for documentation. Test clients also send <see cref="UserAgent"/>. A signature's evidence records both.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Address = "192.0.2.10";

    public const string UserAgent = "conventions-tests/1.0";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Parse(Address);
            return nextMiddleware(context);
        });
        next(app);
    };
}
