using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conventions.Benchmarks;

/// <summary>
/// The floor the HTTP stack sets on this machine (issue 17): a minimal Kestrel process answering the load driver's
/// booking requests with 201 and a small JSON body, after reading the request's JSON and its key header, without
/// authentication, validation or a database. The driver measures it like the engine, in the same run: its rate and the
/// CPU it spends per request, beside the engine's CPU per booking.
/// </summary>
internal static class KestrelFloor
{
    /// <summary>Runs the endpoint on the given port until killed (<c>floor &lt;port&gt;</c>).</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapPost("/api/v1/bookings", async (HttpContext context) =>
        {
            if (string.IsNullOrEmpty(context.Request.Headers["X-Api-Key"]))
            {
                return Results.Unauthorized();
            }
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var session = body.RootElement.GetProperty("sessionId").GetString();
            return Results.Json(new { id = Guid.CreateVersion7(), sessionId = session, status = "confirmed" }, statusCode: 201);
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the endpoint as a process of its own (this assembly, <c>floor</c>), ready to be driven.</summary>
    public static async Task<(Process Process, HttpClient Http)> StartAsync(int clients)
    {
        var port = LoadDriver.FreePort();
        var self = typeof(KestrelFloor).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", $"\"{self}\" floor {port}") { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        if (!await LoadDriver.WaitReadyAsync(http))
        {
            process.Kill();
            throw new InvalidOperationException("The minimal Kestrel endpoint did not start.");
        }
        return (process, http);
    }
}
