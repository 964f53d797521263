using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>No input, however malformed, reaches a 500: every POST and PATCH route answers bad input with a 4xx problem.</summary>
public sealed class BadInputTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private static readonly (string Name, string Body)[] Payloads =
    [
        ("truncated JSON", "{\"name\":"),
        ("an array instead of an object", "[1,2,3]"),
        ("a string instead of an object", "\"just text\""),
        ("a null body", "null"),
        ("an empty body", ""),
        ("wrong types everywhere", "{\"name\":123,\"kind\":5,\"amount\":\"lots\",\"roles\":\"referent\",\"receivedOn\":true,\"address\":[]}"),
        ("a number too large for any type", "{\"amount\":1e400,\"capacity\":99999999999999999999999,\"seats\":1e400}"),
        ("unknown enum values", "{\"kind\":\"spaceship\",\"role\":\"emperor\",\"method\":\"gold\",\"category\":\"party\"}"),
        ("control characters", "{\"name\":\"a\\u0000b\\u0007\",\"reason\":\"\\u0001\",\"fullName\":\"\\u001b[31m\",\"label\":\"\\u0000\"}"),
        ("nesting deeper than allowed", new string('[', 100) + new string(']', 100)),
        ("an invalid date", "{\"receivedOn\":\"2024-02-30\",\"expiresOn\":\"not-a-date\",\"amount\":1,\"method\":\"cash\"}"),
    ];

    public static TheoryData<string> Routes()
    {
        // Read from the committed contract so that a new route is covered the day it is added.
        var path = Path.Combine(Repository.Root, "docs", "openapi.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<string>();
        foreach (var route in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in route.Value.EnumerateObject().Where(o => o.Name is "post" or "patch"))
            {
                data.Add($"{operation.Name.ToUpperInvariant()} {route.Name}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_kind_of_bad_input_is_refused_with_a_4xx_problem(string route)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var client = factory.Admin();
        var targets = new[] { Fill(template, _ => Guid.NewGuid().ToString()), Fill(template, _ => "not-an-id") };

        foreach (var url in targets)
        {
            foreach (var (name, body) in Payloads)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent(body, Encoding.UTF8),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;

                Assert.True(status is >= 400 and < 500, $"{method} {url} with {name} answered {status}: {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private static string Fill(string template, Func<string, string> value)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] == '{')
            {
                var end = template.IndexOf('}', i);
                builder.Append(value(template[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                builder.Append(template[i++]);
            }
        }
        return builder.ToString();
    }
}
