namespace Conventions.Modules.Conventions.Features;

/// <summary>Partners see their own conventions, operators theirs, platform admins all.</summary>
internal static class ConventionAccess
{
    public static async Task<Convention> LoadAsync(ConventionsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Conventions.Include(c => c.Committees).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw NotFoundException.For("convention", id);

    public static bool CanRead(Actor actor, Convention convention) =>
        actor.SeesEverything || actor.OrganizationId == convention.OperatorOrganizationId || actor.OrganizationId == convention.PartnerOrganizationId;

    public static void EnsureCanRead(Actor actor, Convention convention)
    {
        if (!CanRead(actor, convention))
        {
            throw new ForbiddenException("convention.forbidden", "This convention is between other organizations.");
        }
    }

    /// <summary>The platform, or an operator admin of the operator party whose organization operates the convention's program.</summary>
    public static bool IsOperator(Actor actor, Convention convention) =>
        actor.SeesEverything
        || (actor.Operates(ProgramKeys.OfTemplate(convention.TemplateKey)) && actor.OrganizationId == convention.OperatorOrganizationId);

    /// <summary>The operator's admins (and the platform) run the convention: drafts, sending, committees.</summary>
    public static void EnsureOperator(Actor actor, Convention convention)
    {
        EnsureCanRead(actor, convention);
        if (!IsOperator(actor, convention))
        {
            throw new ForbiddenException("convention.operator_only", "Only the operator's admins may do this.");
        }
    }

    /// <summary>
    /// Signing for a party (issue 18): only through a key of that party's own organization. The operator's side signs
    /// through its operator admins (of an organization operating the convention's program); the partner's side through
    /// its staff. Nobody signs for the other party, and the platform signs for neither.
    /// </summary>
    public static void EnsureCanSignFor(Actor actor, Convention convention, ConventionParty party)
    {
        EnsureCanRead(actor, convention);
        var allowed = party == ConventionParty.Operator
            ? actor.IsStaffOf(convention.OperatorOrganizationId, Role.OperatorAdmin) && actor.Operates(ProgramKeys.OfTemplate(convention.TemplateKey))
            : actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin);
        if (!allowed)
        {
            throw new ForbiddenException("convention.party_forbidden",
                $"Only a key of the {Convention.Describe(party)}'s own organization signs for it.");
        }
    }

    /// <summary>
    /// The party the caller acts for: the operator's admins (of an organization operating the program) or the partner's
    /// staff; null for the platform, which may act without being a party. Anyone else is refused.
    /// </summary>
    public static ConventionParty? EnsureParty(Actor actor, Convention convention)
    {
        EnsureCanRead(actor, convention);
        if (actor.IsStaffOf(convention.OperatorOrganizationId, Role.OperatorAdmin) && actor.Operates(ProgramKeys.OfTemplate(convention.TemplateKey)))
        {
            return ConventionParty.Operator;
        }
        if (actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin))
        {
            return ConventionParty.Partner;
        }
        return actor.SeesEverything
            ? null
            : throw new ForbiddenException("convention.party_forbidden", "Only the convention's parties (its operator's admins, its partner's staff) do this.");
    }
}
