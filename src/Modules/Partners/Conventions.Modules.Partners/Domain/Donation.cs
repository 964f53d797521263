namespace Conventions.Modules.Partners.Domain;

internal enum DonationMethod
{
    Transfer,
    Cheque,
    Cash,
    Card,
    Other,
}

/// <summary>
/// A donation (Culture pour tous art. 5): optional, of a freely chosen amount, with a receipt. It is recorded and
/// receipted only; nothing in the engine reads it to grant or change rights (no counterpart).
/// </summary>
internal sealed class Donation
{
    public Guid Id { get; set; }

    public Guid DonorOrganizationId { get; set; }

    public Guid RecipientOrganizationId { get; set; }

    public decimal Amount { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DonationMethod Method { get; set; }

    public string ReceiptNumber { get; set; } = string.Empty;

    public string ReceiptHtml { get; set; } = string.Empty;

    public string ReceiptSha256 { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
