using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Partners.Features;

/// <summary>Who may read and manage an organization.</summary>
internal static class OrganizationAccess
{
    /// <summary>Platform admins; an operator's admins for the operator itself and the partners in its programs.</summary>
    public static bool CanManage(Actor actor, Organization organization) =>
        actor.SeesEverything
        || (actor.Role == Role.OperatorAdmin && actor.OrganizationId is { } own && (organization.Id == own || organization.IsOperatedBy(own)));

    public static bool CanRead(Actor actor, Organization organization) =>
        CanManage(actor, organization) || actor.OrganizationId == organization.Id;

    public static void EnsureCanRead(Actor actor, Organization organization)
    {
        if (!CanRead(actor, organization))
        {
            throw new ForbiddenException("organization.forbidden", "This organization's data belongs to another organization.");
        }
    }

    public static void EnsureCanManage(Actor actor, Organization organization)
    {
        EnsureCanRead(actor, organization);
        if (!CanManage(actor, organization))
        {
            throw new ForbiddenException("organization.manage_forbidden", "Only the platform or the organization's operator may do this.");
        }
    }

    public static async Task<Organization> LoadAsync(PartnersDbContext db, Guid id, CancellationToken cancellationToken, bool withContacts = false)
    {
        var query = db.Organizations.AsQueryable();
        if (withContacts)
        {
            query = query.Include(o => o.Contacts);
        }
        return await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw NotFoundException.For("organization", id);
    }
}
