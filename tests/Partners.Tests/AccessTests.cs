using System.Net;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>API keys and roles (SPEC section 6): who gets 401, who gets 403, and why.</summary>
public sealed class AccessTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task A_call_without_a_key_is_401_auth_missing_key() =>
        await factory.Client().GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");

    [Fact]
    public async Task A_call_with_an_unknown_key_is_401_auth_invalid_key() =>
        await factory.Client("cvk_not-a-real-key").GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_key");

    [Fact]
    public async Task A_role_that_may_not_call_a_route_gets_403_auth_role_forbidden()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure sociale A");
        var (_, bookerKey) = await admin.IssueKeyAsync(organization, "booker");

        var response = await factory.Client(bookerKey).PostJsonAsync("/api/v1/organizations", new { name = "x" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task Another_organizations_data_is_refused_with_403()
    {
        var admin = factory.Admin();
        var mine = await admin.CreateOrganizationAsync("Structure B1");
        var theirs = await admin.CreateOrganizationAsync("Structure B2");
        var (_, key) = await admin.IssueKeyAsync(mine, "partner");
        var client = factory.Client(key);

        await client.GetAsync($"/api/v1/organizations/{mine}").ExpectAsync(HttpStatusCode.OK);
        await client.GetAsync($"/api/v1/organizations/{theirs}").ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.forbidden");
        await client.PostJsonAsync($"/api/v1/organizations/{theirs}/contacts", new { fullName = "Intrus", email = "x@example.org", roles = new[] { "staff" } })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.forbidden");
        var listed = await client.GetAsync("/api/v1/organizations").ExpectAsync<PageView<OrganizationView>>(HttpStatusCode.OK);
        Assert.Equal([Guid.Parse(mine)], listed.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task An_unknown_organization_is_404()
    {
        await factory.Admin().GetAsync($"/api/v1/organizations/{Guid.NewGuid()}").ExpectProblemAsync(HttpStatusCode.NotFound, "organization.not_found");
    }

    [Fact]
    public async Task A_suspended_organizations_keys_get_403_with_the_reason_until_it_is_reactivated()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure suspendue");
        var (_, key) = await admin.IssueKeyAsync(organization, "booker");
        var client = factory.Client(key);
        await client.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);

        await admin.PostJsonAsync($"/api/v1/organizations/{organization}/suspend", new { reason = "Réservations inutilisées" }).ExpectAsync(HttpStatusCode.OK);
        var problem = await client.GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.suspended");
        Assert.Contains("Réservations inutilisées", problem.Str("detail"), StringComparison.Ordinal);
        await admin.PostJsonAsync($"/api/v1/organizations/{organization}/suspend", new { reason = "encore" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "organization.already_suspended");

        await admin.PostAsync($"/api/v1/organizations/{organization}/reactivate", null).ExpectAsync(HttpStatusCode.OK);
        await client.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_suspended_organization_is_refused_on_role_restricted_routes_too()
    {
        // Role-restricted routes carry their own policy, which ASP.NET Core does not combine with the default one.
        var admin = factory.Admin();
        var operatorOrg = await admin.CreateOrganizationAsync("Opérateur suspendu", "association");
        var (_, operatorKey) = await admin.IssueKeyAsync(operatorOrg, "operator-admin");
        await admin.PostJsonAsync($"/api/v1/organizations/{operatorOrg}/suspend", new { reason = "Contrôle en cours" }).ExpectAsync(HttpStatusCode.OK);

        var response = await factory.Client(operatorKey).PostJsonAsync("/api/v1/organizations", new
        {
            name = "Nouvelle structure", kind = "other", address = new { line1 = "1 rue", postalCode = "69001", city = "Lyon" },
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.suspended");
        Assert.Contains("Contrôle en cours", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_admin_manages_the_partners_of_its_program_and_not_another_programs()
    {
        var admin = factory.Admin();
        var operatorA = await admin.CreateOrganizationAsync("Opérateur A", "association");
        var operatorB = await admin.CreateOrganizationAsync("Opérateur B", "municipality");
        await admin.MakeOperatorAsync("culture-pour-tous", operatorA);
        await admin.MakeOperatorAsync("ruche-numerique", operatorB);
        var (_, keyA) = await admin.IssueKeyAsync(operatorA, "operator-admin");
        var (_, keyB) = await admin.IssueKeyAsync(operatorB, "operator-admin");

        var partner = await factory.Client(keyA).CreateOrganizationAsync("Partenaire de A");
        await factory.Client(keyA).IssueKeyAsync(partner, "booker");

        var refused = await factory.Client(keyB).PostJsonAsync($"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "x" });
        await refused.ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.forbidden");
        var suspendOther = await factory.Client(keyB).PostJsonAsync($"/api/v1/organizations/{partner}/suspend", new { reason = "x" });
        await suspendOther.ExpectProblemAsync(HttpStatusCode.Forbidden, "organization.forbidden");
        var suspendSelf = await factory.Client(keyA).PostJsonAsync($"/api/v1/organizations/{operatorA}/suspend", new { reason = "x" });
        await suspendSelf.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "organization.cannot_suspend_self");
    }

    [Fact]
    public async Task Rotating_a_key_stops_the_old_one_at_once_and_the_new_one_works()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure rotation");
        var (credentialId, oldKey) = await admin.IssueKeyAsync(organization, "partner");

        var rotated = await factory.Client(oldKey).PostAsync($"/api/v1/organizations/{organization}/credentials/{credentialId}/rotate", null)
            .ExpectAsync<IssuedKeyView>(HttpStatusCode.Created);
        var newKey = rotated.Key;

        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(Guid.Parse(credentialId), rotated.Replaces);
        await factory.Client(oldKey).GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.key_revoked");
        await factory.Client(newKey).GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_a_key_stops_it_at_once()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure révocation");
        var (credentialId, key) = await admin.IssueKeyAsync(organization, "booker");
        // Used first, so the key is in the authentication cache when it is revoked.
        await factory.Client(key).GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);

        await admin.PostAsync($"/api/v1/organizations/{organization}/credentials/{credentialId}/revoke", null).ExpectAsync(HttpStatusCode.OK);

        await factory.Client(key).GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.key_revoked");
        await admin.PostAsync($"/api/v1/organizations/{organization}/credentials/{credentialId}/revoke", null)
            .ExpectProblemAsync(HttpStatusCode.Conflict, "credential.already_revoked");
    }

    [Fact]
    public async Task Keys_are_stored_hashed_and_never_listed()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure liste des clés");
        var (_, key) = await admin.IssueKeyAsync(organization, "visitor");

        var listed = await admin.GetAsync($"/api/v1/organizations/{organization}/credentials").ExpectAsync(HttpStatusCode.OK);

        var entry = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.False(entry.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(entry.Str("keyPrefix"), key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platform_issues_no_platform_admin_keys_to_organizations()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure ambitieuse");

        var response = await admin.PostJsonAsync($"/api/v1/organizations/{organization}/credentials", new { role = "platform-admin", label = "x" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }
}
