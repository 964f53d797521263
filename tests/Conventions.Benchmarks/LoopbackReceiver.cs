using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Benchmarks;

/// <summary>A portal's webhook endpoint for the load driver and the drills: Kestrel on a loopback port, one POST route.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where webhooks are to be sent (<c>http://127.0.0.1:&lt;port&gt;/hooks</c>).</summary>
    public string Url { get; }

    public static async Task<LoopbackReceiver> StartAsync(Func<HttpContext, Task> receive)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            await receive(context);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackReceiver(app, address.TrimEnd('/') + "/hooks");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
