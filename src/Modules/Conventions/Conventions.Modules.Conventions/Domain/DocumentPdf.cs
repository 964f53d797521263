namespace Conventions.Modules.Conventions.Domain;

/// <summary>
/// The PDF of a frozen or signed document, printed once and kept (issue 18): PDF/A-3b with its HTML attached, found again
/// by the SHA-256 of the HTML it was printed from. A new state of the document (a signature, a renewal in its evidence
/// file, an amendment applied) prints differently, and so gets a PDF of its own; earlier ones stay.
/// </summary>
internal sealed class DocumentPdf
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    /// <summary>Set for an amendment's document; null for the convention's.</summary>
    public Guid? AmendmentId { get; set; }

    /// <summary>The original printed (1 or 2), null for the plain copy.</summary>
    public int? Original { get; set; }

    public string HtmlSha256 { get; set; } = string.Empty;

    public string PdfSha256 { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
