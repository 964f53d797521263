namespace Conventions.Modules.Conventions.Features;

/// <summary>The printable document; <see cref="Original"/> 1 or 2 prints "Exemplaire original n/2".</summary>
internal sealed record GetConventionDocument(Guid Id, int? Original) : IQuery<string>;

internal sealed class GetConventionDocumentHandler(ConventionsDbContext db, ICurrentActor current, ConventionDocuments documents) : IQueryHandler<GetConventionDocument, string>
{
    public async ValueTask<string> Handle(GetConventionDocument query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        return await PrintAsync(db, documents, convention, query.Original, cancellationToken);
    }

    /// <summary>The draft, or the frozen text with its signatures; an original (1 or 2) once both parties have signed.</summary>
    internal static async Task<string> PrintAsync(ConventionsDbContext db, ConventionDocuments documents, Convention convention, int? original, CancellationToken cancellationToken)
    {
        EnsureOriginal(original);
        if (original is not null && convention.Status is ConventionStatus.Draft or ConventionStatus.AwaitingSignatures)
        {
            throw new ConflictException("convention.not_signed", "Originals are printed once both parties have signed.");
        }
        var applied = await db.Amendments.AsNoTracking()
            .Where(a => a.ConventionId == convention.Id && a.Status == AmendmentStatus.Applied).ToListAsync(cancellationToken);
        return documents.RenderPrint(convention, convention.IsFrozen
            ? await documents.PartiesAsync(convention, cancellationToken)
            : await documents.PartiesForTextAsync(convention, cancellationToken), original, applied);
    }

    internal static void EnsureOriginal(int? original)
    {
        if (original is not (null or 1 or 2))
        {
            throw InvalidInputException.Field("original", "1 or 2: the convention is made in two originals.");
        }
    }
}
