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
    /// Acting for a party (signing, approving): the party's own staff, or the operator's admins recording a paper
    /// original for either party.
    /// </summary>
    public static void EnsureCanActFor(Actor actor, Convention convention, ConventionParty party)
    {
        EnsureCanRead(actor, convention);
        var allowed = IsOperator(actor, convention)
            || (party == ConventionParty.Partner && actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin));
        if (!allowed)
        {
            throw new ForbiddenException("convention.party_forbidden", $"You cannot act for the {Convention.Describe(party)} of this convention.");
        }
    }
}
