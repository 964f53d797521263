using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>
/// The directory (Culture pour tous art. 2): the public one is limited to name, postal address, website, and phone
/// where the organization agreed; the partner one adds contact details and referents.
/// </summary>
public sealed class DirectoryTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private static JsonElement Entry(JsonElement list, string id) =>
        list.GetProperty("items").EnumerateArray().Single(e => e.Str("id") == id);

    [Fact]
    public async Task The_public_directory_needs_no_key_and_shows_only_name_address_website_and_consented_phone()
    {
        var admin = factory.Admin();
        var consenting = await admin.CreateOrganizationAsync("Théâtre consentant", "cultural-institution", publishPhone: true, phone: "04 00 00 00 01");
        var private_ = await admin.CreateOrganizationAsync("Structure discrète", "social-service", publishPhone: false, phone: "04 00 00 00 02");
        await admin.AddContactAsync(private_, "Référente Discrète", "referente@discrete.example", "referent");

        var list = await factory.Client().GetAsync("/api/v1/directory").ExpectAsync(HttpStatusCode.OK);

        var open = Entry(list, consenting);
        Assert.Equal("04 00 00 00 01", open.Str("phone"));
        var closed = Entry(list, private_);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("phone").ValueKind);
        Assert.Equal(
            new[] { "id", "name", "kind", "address", "website", "phone" },
            closed.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("referente@discrete.example", list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("contact@example.org", list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_directory_adds_contact_details_and_referents_of_the_programs_the_caller_shares()
    {
        var admin = factory.Admin();
        var caller = await admin.CreateOrganizationAsync("Structure appelante", "social-service");
        var organization = await admin.CreateOrganizationAsync("Structure annuaire", "social-service", publishPhone: false, phone: "04 00 00 00 03");
        await admin.AddContactAsync(organization, "Karim Référent", "karim@annuaire.example", "referent");
        await admin.AddContactAsync(organization, "Claire Directrice", "claire@annuaire.example", "signatory");
        var elsewhere = await admin.CreateOrganizationAsync("Association d'un autre programme", "association");
        await admin.AddContactAsync(elsewhere, "Référente Ailleurs", "ailleurs@ruche.example", "referent");
        await admin.JoinProgramAsync("culture-pour-tous", caller);
        await admin.JoinProgramAsync("culture-pour-tous", organization);
        await admin.JoinProgramAsync("ruche-numerique", elsewhere);
        var (_, partnerKey) = await admin.IssueKeyAsync(caller, "partner");

        var list = await factory.Client(partnerKey).GetAsync("/api/v1/directory/partners").ExpectAsync(HttpStatusCode.OK);

        // Another program's referents are not the caller's to read.
        Assert.DoesNotContain("ailleurs@ruche.example", list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.Str("id") == elsewhere);
        var entry = Entry(list, organization);
        Assert.Equal("04 00 00 00 03", entry.Str("phone"));
        Assert.Equal("contact@example.org", entry.Str("email"));
        var referent = Assert.Single(entry.GetProperty("referents").EnumerateArray());
        Assert.Equal("karim@annuaire.example", referent.Str("email"));
        Assert.Equal(2, entry.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task The_partner_directory_is_refused_without_a_key_and_to_visitor_codes()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure visiteurs");
        var (_, visitorKey) = await admin.IssueKeyAsync(organization, "visitor");

        await factory.Client().GetAsync("/api/v1/directory/partners").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");
        await factory.Client(visitorKey).GetAsync("/api/v1/directory/partners").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task A_suspended_organization_leaves_both_directories()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure retirée");
        await admin.PostJsonAsync($"/api/v1/organizations/{organization}/suspend", new { reason = "Usage abusif" }).ExpectAsync(HttpStatusCode.OK);

        var publicList = await factory.Client().GetAsync("/api/v1/directory").ExpectAsync(HttpStatusCode.OK);
        var partnerList = await admin.GetAsync("/api/v1/directory/partners").ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(publicList.GetProperty("items").EnumerateArray(), e => e.Str("id") == organization);
        Assert.DoesNotContain(partnerList.GetProperty("items").EnumerateArray(), e => e.Str("id") == organization);
    }

    [Fact]
    public async Task A_referent_needs_an_email_address_because_notices_go_there()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure sans courriel");

        var response = await admin.PostJsonAsync($"/api/v1/organizations/{organization}/contacts", new { fullName = "Sans Courriel", roles = new[] { "referent" } });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }
}
