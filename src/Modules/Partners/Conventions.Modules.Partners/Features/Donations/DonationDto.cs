namespace Conventions.Modules.Partners.Features;

internal sealed record DonationDto(Guid Id, Guid DonorOrganizationId, Guid RecipientOrganizationId, decimal Amount, DateOnly ReceivedOn, DonationMethod Method, string ReceiptNumber, string ReceiptSha256, string ReceiptUrl);

internal static class DonationMapping
{
    public static DonationDto ToDto(Donation d) => new(
        d.Id, d.DonorOrganizationId, d.RecipientOrganizationId, d.Amount, d.ReceivedOn, d.Method, d.ReceiptNumber, d.ReceiptSha256,
        $"/api/v1/organizations/{d.DonorOrganizationId}/donations/{d.Id}/receipt");
}
