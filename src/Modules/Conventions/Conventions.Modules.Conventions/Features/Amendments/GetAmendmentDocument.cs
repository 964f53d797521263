namespace Conventions.Modules.Conventions.Features;

internal sealed record GetAmendmentDocument(Guid ConventionId, Guid AmendmentId) : IQuery<string>;

internal sealed class GetAmendmentDocumentHandler(ConventionsDbContext db, ICurrentActor current) : IQueryHandler<GetAmendmentDocument, string>
{
    public async ValueTask<string> Handle(GetAmendmentDocument query, CancellationToken cancellationToken) =>
        await PrintAsync(db, current.Actor, query.ConventionId, query.AmendmentId, cancellationToken);

    /// <summary>The amendment's text; once both have signed, its "Fait à" line carries the last signature's place and day.</summary>
    internal static async Task<string> PrintAsync(ConventionsDbContext db, Actor actor, Guid conventionId, Guid amendmentId, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, conventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(actor, convention);
        var amendment = await db.Amendments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == amendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", amendmentId);
        return SigningLine.Fill(amendment.DocumentHtml, amendment.Signatures, 2, global::Conventions.BuildingBlocks.Rendering.French.Date);
    }
}
