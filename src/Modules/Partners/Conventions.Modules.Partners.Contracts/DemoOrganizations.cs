namespace Conventions.Modules.Partners.Contracts;

/// <summary>Well-known ids of the Development demo organizations, so other modules' demo data can refer to them.</summary>
public static class DemoOrganizations
{
    /// <summary>ALLIES, for its service Culture pour tous (Lyon): the ticketing operator.</summary>
    public static readonly Guid Allies = new("a1100000-0000-4000-8000-000000000001");

    /// <summary>A social partner (coopérateur social) of Culture pour tous.</summary>
    public static readonly Guid SocialPartner = new("a1100000-0000-4000-8000-000000000002");

    /// <summary>A second social partner, whose convention is under dispute in the demo.</summary>
    public static readonly Guid SecondSocialPartner = new("a1100000-0000-4000-8000-000000000004");

    /// <summary>A cultural partner (coopérateur culturel) publishing invitations.</summary>
    public static readonly Guid CulturalPartner = new("a1100000-0000-4000-8000-000000000003");

    /// <summary>The town of Bagnols-sur-Cèze, which runs La Ruche Numérique.</summary>
    public static readonly Guid Bagnols = new("b2200000-0000-4000-8000-000000000001");

    /// <summary>A.V.A.Q.B-C, partner association of La Ruche Numérique.</summary>
    public static readonly Guid Avaqbc = new("b2200000-0000-4000-8000-000000000002");
}
