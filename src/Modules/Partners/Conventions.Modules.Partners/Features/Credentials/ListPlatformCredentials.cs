using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary>Platform admin keys belong to no organization: listed, rotated and revoked by platform admins.</summary>
internal sealed record ListPlatformCredentials : IQuery<ListResponse<CredentialDto>>;

internal sealed class ListPlatformCredentialsHandler(PartnersDbContext db, TimeProvider clock) : IQueryHandler<ListPlatformCredentials, ListResponse<CredentialDto>>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListPlatformCredentials query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == null).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var items = credentials.Select(c => CredentialRules.ToDto(c, today)).ToList();
        return new ListResponse<CredentialDto>(items, items.Count);
    }
}
