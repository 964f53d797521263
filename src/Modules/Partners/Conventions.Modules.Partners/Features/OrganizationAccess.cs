using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using Microsoft.EntityFrameworkCore;

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

/// <summary>The programs an organization takes part in: explicit participations, and those of the operators that registered it.</summary>
internal static class ProgramMembership
{
    public static async Task<OrganizationPrograms> OfAsync(PartnersDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var rows = await db.ProgramParticipants.AsNoTracking().Where(p => p.OrganizationId == organizationId).ToListAsync(cancellationToken);
        var registeredBy = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .SelectMany(o => o.Operators.Select(x => x.OperatorOrganizationId)).ToListAsync(cancellationToken);
        var viaOperators = registeredBy.Count == 0
            ? []
            : await db.ProgramParticipants.AsNoTracking().Where(p => p.IsOperator && registeredBy.Contains(p.OrganizationId))
                .Select(p => p.ProgramKey).ToListAsync(cancellationToken);
        var operates = rows.Where(r => r.IsOperator).Select(r => r.ProgramKey).Distinct().Order(StringComparer.Ordinal).ToList();
        var memberOf = rows.Select(r => r.ProgramKey).Concat(viaOperators).Distinct().Order(StringComparer.Ordinal).ToList();
        return new OrganizationPrograms(memberOf, operates);
    }

    /// <summary>Every organization taking part in one of these programs (for the partner directory).</summary>
    public static async Task<HashSet<Guid>> MembersOfAsync(PartnersDbContext db, IReadOnlyCollection<string> programs, CancellationToken cancellationToken)
    {
        var rows = await db.ProgramParticipants.AsNoTracking().Where(p => programs.Contains(p.ProgramKey)).ToListAsync(cancellationToken);
        var operators = rows.Where(r => r.IsOperator).Select(r => r.OrganizationId).Distinct().ToList();
        var registered = operators.Count == 0
            ? []
            : await db.Organizations.AsNoTracking().Where(o => o.Operators.Any(x => operators.Contains(x.OperatorOrganizationId)))
                .Select(o => o.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.OrganizationId).Concat(registered).ToHashSet();
    }
}
