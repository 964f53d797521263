namespace Conventions.BuildingBlocks.Access;

/// <summary>The roles of SPEC section 6. Serialized as kebab-case (<c>operator-admin</c>).</summary>
public enum Role
{
    PlatformAdmin,
    OperatorAdmin,
    Booker,
    Visitor,
    Publisher,
    Partner,
}

/// <summary>
/// The programs an operator runs and partners take part in (SPEC section 6). Their operators and members are data in the
/// Partners module; these are the keys templates, offers and venues belong to.
/// </summary>
public static class ProgramKeys
{
    /// <summary>Culture pour tous (ALLIES, Lyon): the social-partner conventions and the Billetterie solidaire.</summary>
    public const string CulturePourTous = "culture-pour-tous";

    /// <summary>La Ruche Numérique (Bagnols-sur-Cèze): the premises conventions, venues, permanences.</summary>
    public const string RucheNumerique = "ruche-numerique";

    public static readonly IReadOnlyList<string> All = [CulturePourTous, RucheNumerique];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);

    /// <summary>The program of a template key (<c>culture-pour-tous/social-partner</c> → <c>culture-pour-tous</c>).</summary>
    public static string OfTemplate(string templateKey)
    {
        var slash = templateKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? templateKey : templateKey[..slash];
    }
}

/// <summary>Who is calling: an API key's organization and role, or the system (jobs).</summary>
/// <param name="Programs">The programs the caller's organization takes part in (as operator or member).</param>
/// <param name="OperatedPrograms">The programs the caller's organization operates.</param>
public sealed record Actor(
    Guid? CredentialId,
    Guid? OrganizationId,
    Role? Role,
    bool IsSystem,
    IReadOnlyList<string>? Programs = null,
    IReadOnlyList<string>? OperatedPrograms = null)
{
    public static readonly Actor Anonymous = new(null, null, null, false);
    public static readonly Actor System = new(null, null, null, true);

    public bool IsAuthenticated => IsSystem || Role is not null;

    /// <summary>Platform admins and the system see every organization's data.</summary>
    public bool SeesEverything => IsSystem || Role == Access.Role.PlatformAdmin;

    public bool Is(params Role[] roles) => Role is { } role && roles.Contains(role);

    /// <summary>
    /// True for the platform and the system, and for an operator admin whose organization operates the program: what an
    /// operator does (conventions, disputes, offers, venues, reports) is limited to its own program.
    /// </summary>
    public bool Operates(string program) =>
        SeesEverything || (Role == Access.Role.OperatorAdmin && OperatedPrograms is { } operated && operated.Contains(program));

    /// <summary>True when the caller's organization takes part in the program (operator or member).</summary>
    public bool TakesPartIn(string program) => SeesEverything || (Programs is { } programs && programs.Contains(program));

    /// <summary>True when the caller is an operator admin of at least one of these programs.</summary>
    public bool OperatesAny(IEnumerable<string> programs) => programs.Any(Operates);

    /// <summary>The caller's own organization's staff, in one of these roles.</summary>
    public bool IsStaffOf(Guid organizationId, params Role[] roles) => OrganizationId == organizationId && Is(roles);
}

/// <summary>The current actor, set once per request by the host's authentication and per job run by the job runner.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>Scoped holder behind <see cref="ICurrentActor"/>.</summary>
public sealed class CurrentActor : ICurrentActor
{
    public Actor Actor { get; set; } = Actor.Anonymous;
}
