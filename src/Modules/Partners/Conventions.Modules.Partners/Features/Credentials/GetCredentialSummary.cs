namespace Conventions.Modules.Partners.Features;

internal sealed class GetCredentialSummaryHandler(PartnersDbContext db) : IQueryHandler<GetCredentialSummary, CredentialSummary?>
{
    public async ValueTask<CredentialSummary?> Handle(GetCredentialSummary query, CancellationToken cancellationToken) =>
        await db.Credentials.AsNoTracking().Where(c => c.Id == query.CredentialId)
            .Select(c => new CredentialSummary(c.Id, c.Label, c.OrganizationId)).SingleOrDefaultAsync(cancellationToken);
}
