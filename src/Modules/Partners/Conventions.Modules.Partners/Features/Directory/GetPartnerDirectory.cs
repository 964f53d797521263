namespace Conventions.Modules.Partners.Features;

/// <summary>The partner directory entry adds contact details and the referents, to ease partnerships between structures.</summary>
internal sealed record PartnerDirectoryEntry(
    Guid Id, string Name, OrganizationKind Kind, AddressDto Address, string? Website, string? Phone, string? Email,
    IReadOnlyList<ContactDto> Referents, IReadOnlyList<ContactDto> Contacts);

internal sealed record GetPartnerDirectory(OrganizationKind? Kind) : IQuery<ListResponse<PartnerDirectoryEntry>>;

internal sealed class GetPartnerDirectoryHandler(PartnersDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<GetPartnerDirectory, ListResponse<PartnerDirectoryEntry>>
{
    public async ValueTask<ListResponse<PartnerDirectoryEntry>> Handle(GetPartnerDirectory query, CancellationToken cancellationToken)
    {
        var listed = db.Organizations.AsNoTracking().Include(o => o.Contacts).Where(o => !o.IsSuspended);
        if (query.Kind is { } kind)
        {
            listed = listed.Where(o => o.Kind == kind);
        }
        var actor = current.Actor;
        if (!actor.SeesEverything)
        {
            // Only the organizations that share a program with the caller (Culture pour tous art. 4: the partners' directory).
            var programs = actor.Programs ?? [];
            var sharing = programs.Count == 0 ? [] : await ProgramMembership.MembersOfAsync(db, programs, cancellationToken);
            var own = actor.OrganizationId;
            listed = listed.Where(o => o.Id == own || sharing.Contains(o.Id));
        }
        return await listed.PageAsync(o => o.Name, o => o.Id, page, o => new PartnerDirectoryEntry(
                o.Id, o.Name, o.Kind, OrganizationMapping.ToDto(o.Address), o.Website, o.Phone, o.Email,
                o.Contacts.Where(c => c.Roles.Contains(ContactRole.Referent)).OrderBy(c => c.FullName).Select(OrganizationMapping.ToDto).ToList(),
                o.Contacts.OrderBy(c => c.FullName).Select(OrganizationMapping.ToDto).ToList()), cancellationToken);
    }
}
