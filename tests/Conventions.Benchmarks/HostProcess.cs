using System.Diagnostics;
using System.Globalization;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>The real host as a separate process on loopback, on a given data directory, with a shifted clock.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>The CPU the process has used so far (user and kernel).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<HostProcess> StartAsync(
        string hostDll, string data, TimeSpan clockOffset, string adminKey, bool hangfireServer = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // Not Production: the clock offset is refused there. No demo data outside Development.
                ["ASPNETCORE_ENVIRONMENT"] = "FaultDrill",
                ["Database__DataDirectory"] = data,
                ["Conventions__BootstrapAdminKey"] = adminKey,
                ["Hangfire__ServerEnabled"] = hangfireServer ? "true" : "false",
                ["Conventions__ClockOffset"] = clockOffset.ToString("c", CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
                // Drills send bursts far above a portal's rate: lifted explicitly.
                ["RateLimits__Enabled"] = "false",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        if (!await WaitReadyAsync(http))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The host did not become ready.");
        }
        return new HostProcess(process, http);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
