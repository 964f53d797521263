using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conventions.BuildingBlocks.Web;
using Xunit;

namespace Conventions.Testing;

public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and returns the JSON body (the body is shown when the status is not the expected one).</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        if (string.IsNullOrEmpty(text) || !(response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false))
        {
            return default;
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a problem details refusal with its stable code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>As <see cref="ExpectAsync(HttpResponseMessage, HttpStatusCode)"/>, on the call itself: <c>await client.GetAsync(url).ExpectAsync(OK)</c>.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status) =>
        await (await call).ExpectAsync(status);

    public static async Task<JsonElement> ReadJsonAsync(this Task<HttpResponseMessage> call) => await (await call).ReadJsonAsync();

    /// <summary>Asserts the status and reads the body as <typeparamref name="T"/>, with the API's own JSON options.</summary>
    public static async Task<T> ExpectAsync<T>(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, JsonDefaults.Options) ?? throw new InvalidOperationException($"No {typeof(T).Name} in: {text}");
    }

    public static async Task<JsonElement> ExpectProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status, string code) =>
        await (await call).ExpectProblemAsync(status, code);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        client.PatchAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    /// <summary>A request with headers of its own (If-Match, If-None-Match), and a JSON body when given.</summary>
    public static Task<HttpResponseMessage> SendWithAsync(this HttpClient client, HttpMethod method, string url, object? body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return client.SendAsync(request);
    }

    /// <summary>The response's ETag, as the server wrote it (quotes included).</summary>
    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"No ETag on {response.RequestMessage?.RequestUri}.");

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
