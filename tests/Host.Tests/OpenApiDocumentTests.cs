using System.Text.Json.Nodes;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>
/// docs/openapi.json is the contract integrators read. It must be what the host serves:
/// after a deliberate API change, regenerate it with <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApi</c>.
/// </summary>
public sealed class OpenApiDocumentTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task The_served_openapi_document_is_the_committed_one()
    {
        var served = Normalize(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        var path = Path.Combine(Repository.Root, "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), "docs/openapi.json is missing: run UPDATE_OPENAPI=1 dotnet test --filter OpenApi");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(committed == served, "The served OpenAPI document differs from docs/openapi.json. If the change is deliberate, run: UPDATE_OPENAPI=1 dotnet test --filter OpenApi");
    }

    [Fact]
    public async Task Every_operation_that_needs_a_key_declares_the_api_key_scheme()
    {
        using var document = JsonDocument.Parse(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Operation: o.Value)))
            .ToList();
        foreach (var (path, operation) in operations.Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && o.Path != "/api/v1/directory"))
        {
            Assert.True(operation.TryGetProperty("security", out _), $"{path} should declare the ApiKey scheme.");
        }
        // The public directory says explicitly that it needs no key.
        var directory = operations.Single(o => o.Path == "/api/v1/directory").Operation;
        Assert.Equal(0, directory.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task Every_operation_has_a_unique_camel_case_operation_id()
    {
        using var document = JsonDocument.Parse(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();

        var missing = operations.Where(o => !o.Operation.TryGetProperty("operationId", out _)).Select(o => o.Route).ToList();
        Assert.True(missing.Count == 0, "No operationId (add it to OperationIds): " + string.Join(", ", missing));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][a-zA-Z]+$", id));
    }

    [Fact]
    public async Task Every_operation_lists_the_codes_of_its_refusals_each_from_the_enumeration()
    {
        using var document = JsonDocument.Parse(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        var known = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ErrorCode").GetProperty("enum")
            .EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
        var refusals = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToDictionary(o => o.Route, o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Value.TryGetProperty("x-error-codes", out _))
                .SelectMany(r => r.Value.GetProperty("x-error-codes").EnumerateArray().Select(c => (Status: r.Name, Code: c.GetString()!)))
                .ToList());

        Assert.All(refusals.Values.SelectMany(r => r), r => Assert.Contains(r.Code, known));
        // Read from the compiled handlers (and what they call): a few that must be found, at their status.
        Assert.Contains(("409", "convention.not_active"), refusals["POST /api/v1/bookings"]);
        Assert.Contains(("404", "session.not_found"), refusals["POST /api/v1/bookings"]);
        Assert.Contains(("409", "convention.frozen"), refusals["PATCH /api/v1/conventions/{id}"]);
        Assert.Contains(("412", "precondition.failed"), refusals["PATCH /api/v1/conventions/{id}"]);
        Assert.Contains(("422", "session.seats_below_booked"), refusals["PATCH /api/v1/offers/{id}/sessions/{sessionId}"]);
        Assert.Contains(("409", "dispute.already_open"), refusals["POST /api/v1/disputes"]);
        Assert.Contains(("422", "webhook.url_forbidden"), refusals["POST /api/v1/webhooks"]);
        Assert.DoesNotContain(refusals["GET /api/v1/offers/{id}"], r => r.Code.StartsWith("webhook.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_contract_says_what_comes_back_nulls_documents_and_problems()
    {
        using var document = JsonDocument.Parse(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var paths = document.RootElement.GetProperty("paths");

        // Enum properties that are null at run time are nullable in the schema (a typed client must accept null).
        // OpenAPI 3.1: a nullable reference is oneOf the referenced schema and null; a required one is the reference itself.
        var invitation = schemas.GetProperty("InvitationDto").GetProperty("properties");
        static bool NullableReference(JsonElement property) =>
            property.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Any(s => s.TryGetProperty("$ref", out _))
            && oneOf.EnumerateArray().Any(s => s.TryGetProperty("type", out var type) && type.GetString() == "null");
        Assert.True(NullableReference(invitation.GetProperty("relation")));
        Assert.True(NullableReference(invitation.GetProperty("companionKind")));
        Assert.Equal("#/components/schemas/InvitationRole", invitation.GetProperty("role").GetProperty("$ref").GetString());
        Assert.Equal("3.1.1", document.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("/", document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        // Documents say their content type, so generated methods keep the body.
        foreach (var route in new[] { "/api/v1/conventions/{id}/document", "/api/v1/invitations/{id}/document", "/api/v1/conventions/{id}/amendments/{amendmentId}/document", "/api/v1/organizations/{id}/donations/{donationId}/receipt" })
        {
            Assert.True(paths.GetProperty(route).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/html", out _), route);
        }
        var calendar = paths.GetProperty("/api/v1/venues/{id}/calendar").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(calendar.TryGetProperty("text/calendar", out _) && calendar.TryGetProperty("application/json", out _));
        // Every refusal's body has its stable code, the validation errors and the trace id.
        var problem = schemas.GetProperty("ProblemDetails");
        Assert.All(new[] { "code", "errors", "traceId" }, p => Assert.True(problem.GetProperty("properties").TryGetProperty(p, out _), p));
        Assert.Contains("code", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        // Every tag an operation uses is described.
        var described = document.RootElement.GetProperty("tags").EnumerateArray().Where(t => t.TryGetProperty("description", out _)).Select(t => t.Str("name")).ToHashSet();
        var used = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.Empty(used.Except(described));
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

}
