using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary>Platform admin keys belong to no organization: listed, rotated and revoked by platform admins.</summary>
internal sealed record ListPlatformCredentials : IQuery<ListResponse<CredentialDto>>;

internal sealed class ListPlatformCredentialsHandler(PartnersDbContext db, TimeProvider clock, PageRequest page) : IQueryHandler<ListPlatformCredentials, ListResponse<CredentialDto>>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListPlatformCredentials query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == null)
            .PageAsync(c => c.CreatedAt, c => c.Id, page, c => CredentialRules.ToDto(c, today), cancellationToken);
    }
}
