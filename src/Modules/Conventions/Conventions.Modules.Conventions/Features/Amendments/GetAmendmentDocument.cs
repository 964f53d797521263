namespace Conventions.Modules.Conventions.Features;

internal sealed record GetAmendmentDocument(Guid ConventionId, Guid AmendmentId) : IQuery<string>;

internal sealed class GetAmendmentDocumentHandler(ConventionsDbContext db, ICurrentActor current) : IQueryHandler<GetAmendmentDocument, string>
{
    public async ValueTask<string> Handle(GetAmendmentDocument query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var amendment = await db.Amendments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AmendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", query.AmendmentId);
        // Once both have signed, its "Fait à" line carries the last signature's place and day (the frozen text leaves them blank).
        return SigningLine.Fill(amendment.DocumentHtml, amendment.Signatures, 2, global::Conventions.BuildingBlocks.Rendering.French.Date);
    }
}
