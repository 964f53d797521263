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

/// <summary>Who is calling: an API key's organization and role, or the system (jobs).</summary>
public sealed record Actor(Guid? CredentialId, Guid? OrganizationId, Role? Role, bool IsSystem)
{
    public static readonly Actor Anonymous = new(null, null, null, false);
    public static readonly Actor System = new(null, null, null, true);

    public bool IsAuthenticated => IsSystem || Role is not null;

    /// <summary>Platform admins and the system see every organization's data.</summary>
    public bool SeesEverything => IsSystem || Role == Access.Role.PlatformAdmin;

    public bool Is(params Role[] roles) => Role is { } role && roles.Contains(role);
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
