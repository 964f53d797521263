using System.Net;
using System.Text.RegularExpressions;
using Conventions.Testing;

namespace Partners.Tests;

/// <summary>Donations (Culture pour tous art. 5): optional, freely chosen, receipted, with no counterpart.</summary>
public sealed partial class DonationTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private async Task<(string Operator, string OperatorKey)> OperatorAsync(string name)
    {
        var admin = factory.Admin();
        var operatorId = await admin.CreateOrganizationAsync(name, "association");
        await admin.MakeOperatorAsync("culture-pour-tous", operatorId);
        var (_, key) = await admin.IssueKeyAsync(operatorId, "operator-admin");
        return (operatorId, key);
    }

    [Fact]
    public async Task An_operator_records_a_donation_and_its_receipt_is_rendered_in_french()
    {
        var (_, operatorKey) = await OperatorAsync("ALLIES – Culture pour tous");
        var client = factory.Client(operatorKey);
        var donor = await client.CreateOrganizationAsync("Association Donatrice");

        var donation = await client.PostJsonAsync($"/api/v1/organizations/{donor}/donations", new { amount = 150.00m, receivedOn = "2026-11-20", method = "transfer" })
            .ExpectAsync<DonationView>(HttpStatusCode.Created);
        var receipt = await client.GetStringAsync(donation.ReceiptUrl);

        Assert.Matches("^DON-2026-[0-9A-F]{8}$", donation.ReceiptNumber);
        Approvals.Verify(ReceiptNumber().Replace(receipt, "DON-2026-XXXXXXXX"), "donation-receipt");
    }

    [Fact]
    public async Task A_donor_name_holding_markup_is_escaped_in_the_receipt()
    {
        var (_, operatorKey) = await OperatorAsync("Opérateur échappement");
        var client = factory.Client(operatorKey);
        var donor = await client.CreateOrganizationAsync("<script>alert('x')</script> {{ 7*7 }}");

        var donation = await client.PostJsonAsync($"/api/v1/organizations/{donor}/donations", new { amount = 10m, receivedOn = "2026-11-20", method = "cash" })
            .ExpectAsync<DonationView>(HttpStatusCode.Created);
        var receipt = await client.GetStringAsync(donation.ReceiptUrl);

        Assert.DoesNotContain("<script>", receipt, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", receipt, StringComparison.Ordinal);
        Assert.Contains("{{ 7*7 }}", receipt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "2026-11-20")]
    [InlineData(-5, "2026-11-20")]
    [InlineData(10.001, "2026-11-20")]
    [InlineData(10, "2027-01-01")]
    public async Task An_invalid_amount_or_a_future_date_is_refused(decimal amount, string receivedOn)
    {
        var (_, operatorKey) = await OperatorAsync($"Opérateur validation {amount} {receivedOn}");
        var client = factory.Client(operatorKey);
        var donor = await client.CreateOrganizationAsync($"Donateur {amount} {receivedOn}");

        var response = await client.PostJsonAsync($"/api/v1/organizations/{donor}/donations", new { amount, receivedOn, method = "cheque" });

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task A_partner_cannot_record_donations()
    {
        var admin = factory.Admin();
        var donor = await admin.CreateOrganizationAsync("Partenaire donateur");
        var (_, partnerKey) = await admin.IssueKeyAsync(donor, "partner");

        var response = await factory.Client(partnerKey).PostJsonAsync($"/api/v1/organizations/{donor}/donations", new { amount = 10m, receivedOn = "2026-11-20", method = "cash" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [GeneratedRegex("DON-2026-[0-9A-F]{8}")]
    private static partial Regex ReceiptNumber();
}
