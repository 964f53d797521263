using System.Net;

namespace Conventions.Testing;

/// <summary>Builds test data through the API, as an integrator would.</summary>
public static class Scenario
{
    public static async Task<string> CreateOrganizationAsync(this HttpClient client, string name, string kind = "social-service", bool publishPhone = false, string? phone = "04 72 00 00 00")
    {
        var response = await client.PostJsonAsync("/api/v1/organizations", new
        {
            name,
            kind,
            address = new { line1 = "1, rue de l'Exemple", postalCode = "69001", city = "Lyon" },
            phone,
            website = "https://example.org",
            email = "contact@example.org",
            publishPhone,
        });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return body.Str("id");
    }

    public static async Task<(string Id, string Key)> IssueKeyAsync(this HttpClient client, string organizationId, string role, string? expiresOn = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/organizations/{organizationId}/credentials", new { role, label = $"{role} key", expiresOn });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return (body.Str("id"), body.Str("key"));
    }

    /// <summary>The platform admin makes the organization an operator of the program.</summary>
    public static async Task MakeOperatorAsync(this HttpClient admin, string program, string organizationId) =>
        await admin.PostJsonAsync($"/api/v1/programs/{program}/operators", new { organizationId }).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The platform admin binds the organization to the program as a member.</summary>
    public static async Task JoinProgramAsync(this HttpClient admin, string program, string organizationId) =>
        await admin.PostJsonAsync($"/api/v1/programs/{program}/members", new { organizationId }).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Registers a signatory contact (name and title) of the organization; returns its id.</summary>
    public static async Task<string> AddSignatoryAsync(this HttpClient client, string organizationId, string fullName, string title)
    {
        var response = await client.PostJsonAsync($"/api/v1/organizations/{organizationId}/contacts", new { fullName, title, roles = new[] { "signatory" } });
        return (await response.ExpectAsync(HttpStatusCode.Created)).Str("id");
    }

    public static async Task<string> AddContactAsync(this HttpClient client, string organizationId, string fullName, string email, params string[] roles)
    {
        var response = await client.PostJsonAsync($"/api/v1/organizations/{organizationId}/contacts", new { fullName, title = "Référent", email, phone = "04 72 00 00 09", roles });
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return body.Str("id");
    }
}
