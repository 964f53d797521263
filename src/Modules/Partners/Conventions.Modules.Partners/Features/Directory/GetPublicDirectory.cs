namespace Conventions.Modules.Partners.Features;

/// <summary>The public directory entry: name, postal address, website, and the phone only where the organization agreed.</summary>
internal sealed record PublicDirectoryEntry(Guid Id, string Name, OrganizationKind Kind, AddressDto Address, string? Website, string? Phone);

internal sealed record GetPublicDirectory(OrganizationKind? Kind) : IQuery<ListResponse<PublicDirectoryEntry>>;

internal sealed class GetPublicDirectoryHandler(PartnersDbContext db, PageRequest page) : IQueryHandler<GetPublicDirectory, ListResponse<PublicDirectoryEntry>>
{
    public async ValueTask<ListResponse<PublicDirectoryEntry>> Handle(GetPublicDirectory query, CancellationToken cancellationToken)
    {
        var listed = db.Organizations.AsNoTracking().Where(o => !o.IsSuspended);
        if (query.Kind is { } kind)
        {
            listed = listed.Where(o => o.Kind == kind);
        }
        return await listed.PageAsync(o => o.Name, o => o.Id, page, o => new PublicDirectoryEntry(
                o.Id, o.Name, o.Kind, new AddressDto(o.Address.Line1, o.Address.PostalCode, o.Address.City),
                o.Website, o.PublishPhone ? o.Phone : null), cancellationToken);
    }
}
