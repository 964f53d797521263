using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

/// <summary>
/// Opens the real host in headless Chromium through the Chrome DevTools protocol (tests/browser.sh, run by CI):
/// every module's group is listed in the Swagger UI, a "Try it out" call made with an API key answers 200, and the
/// Hangfire dashboard opens with the platform admin's credentials (and not without them).
/// </summary>
internal static class BrowserCheck
{
    private const string AdminKey = "browser-check-admin-key";

    /// <summary>One Swagger group per module (and the host's own).</summary>
    private static readonly string[] ExpectedGroups =
        ["Organizations", "Credentials", "Notices", "Conventions", "Disputes", "Venues", "Permanences", "Offers", "Bookings", "Beneficiaries", "Legal calendar", "Operations"];

    public static async Task<int> RunAsync(string[] args)
    {
        var chromium = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "chromium";
        var root = FindRoot();
        if (!args.Contains("--no-build"))
        {
            Console.WriteLine("Building the host (Release)…");
            await LoadDriver.RunAsync("dotnet", $"build \"{Path.Combine(root, "src", "Host")}\" -c Release -v q -nologo", root);
        }
        var hostDll = Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Conventions.Host.dll");
        var data = Path.Combine(Path.GetTempPath(), "conventions-browser", Guid.NewGuid().ToString("N"));
        var profile = Path.Combine(data, "chromium-profile");
        Directory.CreateDirectory(profile);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var failures = new List<string>();

        using var host = Process.Start(new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls {baseUrl}")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "BrowserCheck",
                ["Database__DataDirectory"] = data,
                ["Conventions__BootstrapAdminKey"] = AdminKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        })!;
        _ = host.StandardOutput.ReadToEndAsync();
        _ = host.StandardError.ReadToEndAsync();
        Process? browser = null;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            if (!await WaitReadyAsync(http))
            {
                Console.Error.WriteLine("The host did not become ready.");
                return 1;
            }
            browser = Process.Start(new ProcessStartInfo(chromium,
                $"--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --remote-debugging-port=0 --user-data-dir=\"{profile}\" about:blank")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"Could not start {chromium}.");
            _ = browser.StandardOutput.ReadToEndAsync();
            _ = browser.StandardError.ReadToEndAsync();
            await using var page = await DevToolsPage.ConnectAsync(profile);

            // 1. The Swagger UI lists every module's group.
            await page.NavigateAsync($"{baseUrl}/swagger/index.html");
            var groups = await page.WaitForAsync<string[]>(
                "(() => { const t = Array.from(document.querySelectorAll('.opblock-tag')).map(e => e.getAttribute('data-tag')); return t.length ? t : null; })()");
            Console.WriteLine($"Swagger UI groups: {string.Join(", ", groups ?? [])}");
            foreach (var group in ExpectedGroups.Where(g => groups is null || !groups.Contains(g)))
            {
                failures.Add($"the Swagger UI does not list the '{group}' group");
            }

            // 2. "Try it out" with an API key: GET /api/v1/notices, as a user would, after authorizing the key.
            await page.EvaluateAsync($"window.ui.preauthorizeApiKey('ApiKey', '{AdminKey}'); true");
            const string operation = "Array.from(document.querySelectorAll('.opblock-get')).find(o => o.querySelector('.opblock-summary-path')?.getAttribute('data-path') === '/api/v1/notices')";
            await page.EvaluateAsync($"(() => {{ const o = {operation}; o.scrollIntoView(); o.querySelector('.opblock-summary-control').click(); return true; }})()");
            await page.WaitForAsync<bool>($"(() => {{ const b = {operation}?.querySelector('.try-out__btn'); if (!b) return null; b.click(); return true; }})()");
            await page.WaitForAsync<bool>($"(() => {{ const b = {operation}?.querySelector('.execute'); if (!b) return null; b.click(); return true; }})()");
            var status = await page.WaitForAsync<string>(
                $"(() => {{ const s = {operation}?.querySelector('.live-responses-table .response .response-col_status'); return s && s.textContent.trim() ? s.textContent.trim() : null; }})()");
            Console.WriteLine($"Try it out GET /api/v1/notices with the key: {status}");
            if (status is null || !status.StartsWith("200", StringComparison.Ordinal))
            {
                failures.Add($"the 'Try it out' call answered '{status}' instead of 200");
            }

            // 3. The Hangfire dashboard: refused without credentials, open with the platform admin's.
            var refused = await http.GetAsync("/hangfire");
            if ((int)refused.StatusCode != 401)
            {
                failures.Add($"the Hangfire dashboard answered {(int)refused.StatusCode} without credentials instead of 401");
            }
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminKey}"));
            await page.SendAsync("Network.enable", new JsonObject());
            await page.SendAsync("Network.setExtraHTTPHeaders", new JsonObject { ["headers"] = new JsonObject { ["Authorization"] = $"Basic {basic}" } });
            await page.NavigateAsync($"{baseUrl}/hangfire/recurring");
            var jobs = await page.WaitForAsync<string>(
                "(() => { const t = document.body ? document.body.innerText : ''; return t.includes('deadlines') && t.includes('renewals') ? t : null; })()");
            var title = await page.EvaluateAsync<string>("document.title");
            Console.WriteLine($"Hangfire dashboard: '{title}', recurring jobs listed: {jobs is not null}");
            if (jobs is null || title is null || !title.Contains("Recurring Jobs", StringComparison.Ordinal))
            {
                failures.Add("the Hangfire dashboard did not open on its recurring jobs with the admin's credentials");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or HttpRequestException or TimeoutException or IOException)
        {
            failures.Add($"the browser check could not run: {e.Message}");
        }
        finally
        {
            if (browser is { HasExited: false })
            {
                browser.Kill(entireProcessTree: true);
            }
            browser?.Dispose();
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        foreach (var failure in failures)
        {
            Console.WriteLine($"FAILED: {failure}");
        }
        Console.WriteLine(failures.Count == 0 ? "Browser check: every check held." : $"Browser check: {failures.Count} check(s) failed.");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>A minimal Chrome DevTools protocol client for one page target.</summary>
    private sealed class DevToolsPage : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private int _nextId;

        private DevToolsPage(ClientWebSocket socket) => _socket = socket;

        public static async Task<DevToolsPage> ConnectAsync(string profile)
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var watch = Stopwatch.StartNew();
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException("Chromium did not open its DevTools port.");
                }
                await Task.Delay(100);
            }
            var port = int.Parse(File.ReadAllLines(portFile)[0], CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            var target = targets.FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page")
                ?? throw new InvalidOperationException("Chromium has no page target.");
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(target["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
            var page = new DevToolsPage(socket);
            await page.SendAsync("Page.enable", new JsonObject());
            await page.SendAsync("Runtime.enable", new JsonObject());
            return page;
        }

        public async Task NavigateAsync(string url)
        {
            await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            await WaitForAsync<bool>("document.readyState === 'complete' ? true : null");
        }

        public async Task<JsonNode?> SendAsync(string method, JsonObject parameters)
        {
            var id = ++_nextId;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var reply = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
                if (reply["id"]?.GetValue<int>() != id)
                {
                    continue; // an event
                }
                if (reply["error"] is { } error)
                {
                    throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                }
                return reply["result"];
            }
        }

        public async Task EvaluateAsync(string expression) => await EvaluateAsync<JsonNode>(expression);

        public async Task<T?> EvaluateAsync<T>(string expression)
        {
            var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result?["exceptionDetails"] is { } exception)
            {
                throw new InvalidOperationException($"Script failed: {exception.ToJsonString()}");
            }
            var value = result?["result"]?["value"];
            return value is null ? default : value.Deserialize<T>();
        }

        /// <summary>Evaluates until the expression gives a non-null value (at most 20 s); null on timeout.</summary>
        public async Task<T?> WaitForAsync<T>(string expression)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                var value = await EvaluateAsync<JsonNode>(expression);
                if (value is not null)
                {
                    return value.Deserialize<T>();
                }
                await Task.Delay(100);
            }
            return default;
        }

        private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("DevTools closed the connection.");
                }
                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            _socket.Dispose();
        }
    }
}
