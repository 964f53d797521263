using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Conventions.Modules.Conventions.Features;

/// <summary>A link to open the document in a browser (an <c>&lt;a href&gt;</c> needs no key header), valid 5 minutes.</summary>
internal sealed record DocumentLinkDto(string Url, DateTimeOffset ExpiresAt);

/// <summary>Issues a short-lived link to the convention's document for a caller who may read it.</summary>
internal sealed record GetConventionDocumentLink(Guid Id, int? Original) : IQuery<DocumentLinkDto>;

/// <summary>Serves the document a link names, without a key, until the link expires.</summary>
internal sealed record GetLinkedDocument(string Token) : IQuery<string>;

/// <summary>
/// What a link carries, protected by ASP.NET Core Data Protection (keys in the data folder, shared by hosts that share
/// it): the convention, the original asked for, the organization that asked (for the record) and when it expires.
/// </summary>
internal sealed record DocumentLinkTicket(Guid ConventionId, int? Original, Guid? OrganizationId, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public const string Purpose = "Conventions.DocumentLink.v1";
}

internal sealed class GetConventionDocumentLinkHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, IDataProtectionProvider protection)
    : IQueryHandler<GetConventionDocumentLink, DocumentLinkDto>
{
    public async ValueTask<DocumentLinkDto> Handle(GetConventionDocumentLink query, CancellationToken cancellationToken)
    {
        GetConventionDocumentHandler.EnsureOriginal(query.Original);
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var ticket = new DocumentLinkTicket(convention.Id, query.Original, current.Actor.OrganizationId, clock.GetUtcNow() + DocumentLinkTicket.Lifetime);
        var token = protection.CreateProtector(DocumentLinkTicket.Purpose).Protect(JsonSerializer.Serialize(ticket, JsonDefaults.Options));
        return new DocumentLinkDto($"/api/v1/document-links/{Uri.EscapeDataString(token)}", ticket.ExpiresAt);
    }
}

internal sealed class GetLinkedDocumentHandler(ConventionsDbContext db, ConventionDocuments documents, TimeProvider clock, IDataProtectionProvider protection)
    : IQueryHandler<GetLinkedDocument, string>
{
    public async ValueTask<string> Handle(GetLinkedDocument query, CancellationToken cancellationToken)
    {
        var ticket = Read(protection, clock, query.Token);
        // Who may read it was checked when the link was issued.
        var convention = await ConventionAccess.LoadAsync(db, ticket.ConventionId, cancellationToken);
        return await GetConventionDocumentHandler.PrintAsync(db, documents, convention, ticket.Original, cancellationToken);
    }

    /// <summary>The ticket a link carries, or a 403 when it was tampered with or has expired.</summary>
    public static DocumentLinkTicket Read(IDataProtectionProvider protection, TimeProvider clock, string token)
    {
        DocumentLinkTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<DocumentLinkTicket>(protection.CreateProtector(DocumentLinkTicket.Purpose).Unprotect(token), JsonDefaults.Options);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            ticket = null;
        }
        if (ticket is null || ticket.ExpiresAt <= clock.GetUtcNow())
        {
            throw new ForbiddenException("document_link.invalid", "This link is invalid or has expired (links last 5 minutes): ask the API for a new one.");
        }
        return ticket;
    }
}
