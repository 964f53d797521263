using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Disputes.Features;

/// <summary>Who may see and act on a dispute: the convention's parties, each for its own side; platform admins.</summary>
internal static class DisputeAccess
{
    public static async Task<Dispute> LoadAsync(DisputesDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Disputes.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFoundException.For("dispute", id);

    public static void EnsureCanRead(Actor actor, Dispute dispute)
    {
        if (!(actor.SeesEverything || actor.OrganizationId == dispute.OperatorOrganizationId || actor.OrganizationId == dispute.PartnerOrganizationId))
        {
            throw new ForbiddenException("dispute.forbidden", "This dispute is between other organizations.");
        }
    }

    /// <summary>
    /// Acting for a party: that party's own staff (for the operator, its operator admins, within the convention's
    /// program), or the platform.
    /// </summary>
    public static void EnsureActsFor(Actor actor, ConventionParty party, string templateKey, Guid operatorId, Guid partnerId)
    {
        if (!(actor.SeesEverything || ActsFor(actor, party, templateKey, operatorId, partnerId)))
        {
            throw new ForbiddenException("dispute.party_forbidden", $"Only the {Dispute.Describe(party)} may do this.");
        }
    }

    public static bool ActsFor(Actor actor, ConventionParty party, string templateKey, Guid operatorId, Guid partnerId) =>
        party == ConventionParty.Operator
            ? actor.Role == Role.OperatorAdmin && actor.Operates(ProgramKeys.OfTemplate(templateKey)) && actor.OrganizationId == operatorId
            : actor.IsStaffOf(partnerId, Role.Partner, Role.OperatorAdmin);

    /// <summary>The party the caller records an agreement for: its own side; the platform says which.</summary>
    public static ConventionParty PartyOf(Actor actor, Dispute dispute, ConventionParty? stated)
    {
        if (actor.SeesEverything)
        {
            return stated ?? throw InvalidInputException.Field("party", "Required for the platform: operator or partner.");
        }
        foreach (var party in new[] { ConventionParty.Operator, ConventionParty.Partner })
        {
            if ((stated is null || stated == party) && ActsFor(actor, party, dispute.TemplateKey, dispute.OperatorOrganizationId, dispute.PartnerOrganizationId))
            {
                return party;
            }
        }
        throw new ForbiddenException("dispute.party_forbidden", "An agreement is recorded by each party for itself.");
    }
}
