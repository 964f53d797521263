using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Partners.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Partners.Features;

/// <summary>The public directory entry: name, postal address, website, and the phone only where the organization agreed.</summary>
internal sealed record PublicDirectoryEntry(Guid Id, string Name, OrganizationKind Kind, AddressDto Address, string? Website, string? Phone);

/// <summary>The partner directory entry adds contact details and the referents, to ease partnerships between structures.</summary>
internal sealed record PartnerDirectoryEntry(
    Guid Id, string Name, OrganizationKind Kind, AddressDto Address, string? Website, string? Phone, string? Email,
    IReadOnlyList<ContactDto> Referents, IReadOnlyList<ContactDto> Contacts);

internal sealed record GetPublicDirectory(OrganizationKind? Kind) : IQuery<ListResponse<PublicDirectoryEntry>>;

internal sealed record GetPartnerDirectory(OrganizationKind? Kind) : IQuery<ListResponse<PartnerDirectoryEntry>>;

internal sealed class DirectoryHandlers(PartnersDbContext db, ICurrentActor current)
    : IQueryHandler<GetPublicDirectory, ListResponse<PublicDirectoryEntry>>, IQueryHandler<GetPartnerDirectory, ListResponse<PartnerDirectoryEntry>>
{
    public async ValueTask<ListResponse<PublicDirectoryEntry>> Handle(GetPublicDirectory query, CancellationToken cancellationToken)
    {
        var listed = db.Organizations.AsNoTracking().Where(o => !o.IsSuspended);
        if (query.Kind is { } kind)
        {
            listed = listed.Where(o => o.Kind == kind);
        }
        var items = await listed.OrderBy(o => o.Name)
            .Select(o => new PublicDirectoryEntry(
                o.Id, o.Name, o.Kind, new AddressDto(o.Address.Line1, o.Address.PostalCode, o.Address.City),
                o.Website, o.PublishPhone ? o.Phone : null))
            .ToListAsync(cancellationToken);
        return new ListResponse<PublicDirectoryEntry>(items, items.Count);
    }

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
        var organizations = await listed.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var items = organizations.Select(o => new PartnerDirectoryEntry(
                o.Id, o.Name, o.Kind, OrganizationMapping.ToDto(o.Address), o.Website, o.Phone, o.Email,
                o.Contacts.Where(c => c.Roles.Contains(ContactRole.Referent)).OrderBy(c => c.FullName).Select(OrganizationMapping.ToDto).ToList(),
                o.Contacts.OrderBy(c => c.FullName).Select(OrganizationMapping.ToDto).ToList()))
            .ToList();
        return new ListResponse<PartnerDirectoryEntry>(items, items.Count);
    }
}

internal sealed class GetOrganizationSummaryHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationSummary, OrganizationSummary?>
{
    public async ValueTask<OrganizationSummary?> Handle(GetOrganizationSummary query, CancellationToken cancellationToken)
    {
        var o = await db.Organizations.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == query.OrganizationId, cancellationToken);
        return o is null
            ? null
            : new OrganizationSummary(
                o.Id, o.Name, o.Kind, new PostalAddress(o.Address.Line1, o.Address.PostalCode, o.Address.City), o.Email, o.Phone, o.IsSuspended,
                o.Contacts.OrderBy(c => c.FullName).Select(c => new ContactSummary(c.Id, c.FullName, c.Title, c.Email, c.Phone, c.Roles)).ToList());
    }
}

internal static class DirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/directory").WithTags("Directory");

        group.MapGet("/", async Task<Ok<ListResponse<PublicDirectoryEntry>>> (OrganizationKind? kind, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPublicDirectory(kind), ct)))
            .AllowAnonymous()
            .WithSummary("The public directory (no key): every organization whose account is not suspended, with its name, postal address, website, and phone where it agreed.")
            .ProducesRefusals(400);

        group.MapGet("/partners", async Task<Ok<ListResponse<PartnerDirectoryEntry>>> (OrganizationKind? kind, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPartnerDirectory(kind), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Booker, Role.Publisher, Role.Partner)
            .WithSummary("The partner directory (any partner key, not visitor codes): the organizations that share a program with the caller, with contact details and referents.")
            .ProducesRefusals(400, 401, 403);
    }
}
