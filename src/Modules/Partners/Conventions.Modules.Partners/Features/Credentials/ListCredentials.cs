using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record ListCredentials(Guid OrganizationId) : IQuery<ListResponse<CredentialDto>>;

internal sealed class ListCredentialsHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<ListCredentials, ListResponse<CredentialDto>>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListCredentials query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        var today = clock.Today();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == organization.Id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var items = credentials.Select(c => CredentialRules.ToDto(c, today)).ToList();
        return new ListResponse<CredentialDto>(items, items.Count);
    }
}
