using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record ListCredentials(Guid OrganizationId) : IQuery<ListResponse<CredentialDto>>;

internal sealed class ListCredentialsHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, PageRequest page) : IQueryHandler<ListCredentials, ListResponse<CredentialDto>>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListCredentials query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        var today = clock.Today();
        return await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == organization.Id)
            .PageAsync(c => c.CreatedAt, c => c.Id, page, c => CredentialRules.ToDto(c, today), cancellationToken);
    }
}
