namespace Conventions.Modules.Partners.Features;

/// <summary>Who may read and manage an organization (docs/access.md).</summary>
internal static class OrganizationAccess
{
    /// <summary>
    /// Platform admins; the operator admins of a program the organization takes part in (its operators run it, its
    /// members are bound to it). An operator admin of an organization that operates no program manages nothing.
    /// </summary>
    public static async Task<bool> CanManageAsync(PartnersDbContext db, Actor actor, Organization organization, CancellationToken cancellationToken)
    {
        if (actor.SeesEverything)
        {
            return true;
        }
        if (actor.Role != Role.OperatorAdmin || actor.OperatedPrograms is not { Count: > 0 })
        {
            return false;
        }
        var programs = await ProgramMembership.OfAsync(db, organization.Id, cancellationToken);
        return actor.OperatesAny(programs.MemberOf);
    }

    /// <summary>Its managers, and its own staff (visitor codes never reach this: they read offers only).</summary>
    public static async Task EnsureCanReadAsync(PartnersDbContext db, Actor actor, Organization organization, CancellationToken cancellationToken)
    {
        if (actor.OrganizationId == organization.Id && !actor.Is(Role.Visitor))
        {
            return;
        }
        if (!await CanManageAsync(db, actor, organization, cancellationToken))
        {
            throw new ForbiddenException("organization.forbidden", "This organization's data belongs to another organization or program.");
        }
    }

    public static async Task EnsureCanManageAsync(PartnersDbContext db, Actor actor, Organization organization, CancellationToken cancellationToken)
    {
        if (await CanManageAsync(db, actor, organization, cancellationToken))
        {
            return;
        }
        throw actor.OrganizationId == organization.Id
            ? new ForbiddenException("organization.manage_forbidden", "Only the platform or an operator of the organization's program may do this.")
            : new ForbiddenException("organization.forbidden", "This organization's data belongs to another organization or program.");
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
