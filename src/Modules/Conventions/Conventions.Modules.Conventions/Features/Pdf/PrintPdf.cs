using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// A convention's document as PDF (issue 18). A draft is printed on each call; a frozen or signed convention's is printed
/// once per state of its HTML, as PDF/A-3b with that HTML attached, kept with its own SHA-256, and served from then on.
/// </summary>
internal sealed record PrintConventionPdf(Guid Id, int? Original) : ICommand<RenderedPdf>;

internal sealed class PrintConventionPdfHandler(ConventionsDbContext db, ICurrentActor current, ConventionDocuments documents, DocumentPdfs pdfs)
    : ICommandHandler<PrintConventionPdf, RenderedPdf>
{
    public async ValueTask<RenderedPdf> Handle(PrintConventionPdf command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var html = await GetConventionDocumentHandler.PrintAsync(db, documents, convention, command.Original, cancellationToken);
        return convention.IsFrozen
            ? await pdfs.ArchivedAsync(convention.Id, null, command.Original, html, cancellationToken)
            : await pdfs.PrintAsync(html, cancellationToken);
    }
}

/// <summary>The document a link names, as PDF (the link is the credential, for its 5 minutes): the same PDF as the keyed route.</summary>
internal sealed record PrintLinkedPdf(string Token) : ICommand<RenderedPdf>;

internal sealed class PrintLinkedPdfHandler(
    ConventionsDbContext db, ConventionDocuments documents, DocumentPdfs pdfs, TimeProvider clock, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection)
    : ICommandHandler<PrintLinkedPdf, RenderedPdf>
{
    public async ValueTask<RenderedPdf> Handle(PrintLinkedPdf command, CancellationToken cancellationToken)
    {
        var ticket = GetLinkedDocumentHandler.Read(protection, clock, command.Token);
        var convention = await ConventionAccess.LoadAsync(db, ticket.ConventionId, cancellationToken);
        var html = await GetConventionDocumentHandler.PrintAsync(db, documents, convention, ticket.Original, cancellationToken);
        return convention.IsFrozen
            ? await pdfs.ArchivedAsync(convention.Id, null, ticket.Original, html, cancellationToken)
            : await pdfs.PrintAsync(html, cancellationToken);
    }
}

/// <summary>An amendment's document as PDF: frozen from its drafting, so printed once per state (signatures filled in) and kept.</summary>
internal sealed record PrintAmendmentPdf(Guid ConventionId, Guid AmendmentId) : ICommand<RenderedPdf>;

internal sealed class PrintAmendmentPdfHandler(ConventionsDbContext db, ICurrentActor current, DocumentPdfs pdfs) : ICommandHandler<PrintAmendmentPdf, RenderedPdf>
{
    public async ValueTask<RenderedPdf> Handle(PrintAmendmentPdf command, CancellationToken cancellationToken)
    {
        var html = await GetAmendmentDocumentHandler.PrintAsync(db, current.Actor, command.ConventionId, command.AmendmentId, cancellationToken);
        return await pdfs.ArchivedAsync(command.ConventionId, command.AmendmentId, null, html, cancellationToken);
    }
}

/// <summary>The PDFs kept for frozen documents, found by the SHA-256 of the HTML they were printed from.</summary>
internal sealed class DocumentPdfs(ConventionsDbContext db, PdfRenderer renderer, TimeProvider clock)
{
    public async Task<RenderedPdf> PrintAsync(string html, CancellationToken cancellationToken) =>
        await renderer.RenderAsync(html, archival: false, cancellationToken);

    public async Task<RenderedPdf> ArchivedAsync(Guid conventionId, Guid? amendmentId, int? original, string html, CancellationToken cancellationToken)
    {
        var htmlSha256 = DocumentHash.Sha256(html);
        var kept = await db.DocumentPdfs.AsNoTracking()
            .Where(p => p.ConventionId == conventionId && p.HtmlSha256 == htmlSha256)
            .OrderBy(p => p.CreatedAt).Select(p => new { p.Content, p.PdfSha256 }).FirstOrDefaultAsync(cancellationToken);
        if (kept is not null)
        {
            return new RenderedPdf(kept.Content, kept.PdfSha256);
        }
        var pdf = await renderer.RenderAsync(html, archival: true, cancellationToken);
        db.DocumentPdfs.Add(new DocumentPdf
        {
            Id = Guid.NewGuid(), ConventionId = conventionId, AmendmentId = amendmentId, Original = original,
            HtmlSha256 = htmlSha256, PdfSha256 = pdf.Sha256, Content = pdf.Content, CreatedAt = clock.GetUtcNow(),
        });
        return pdf;
    }
}
