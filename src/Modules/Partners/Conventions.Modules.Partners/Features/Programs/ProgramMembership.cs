namespace Conventions.Modules.Partners.Features;

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
