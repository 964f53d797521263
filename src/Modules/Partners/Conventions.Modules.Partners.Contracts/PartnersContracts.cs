using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Outbox;
using Mediator;

namespace Conventions.Modules.Partners.Contracts;

public enum OrganizationKind
{
    Association,
    Municipality,
    CulturalInstitution,
    SportInstitution,
    SocialService,
    Other,
}

public enum ContactRole
{
    Signatory,
    Referent,
    Staff,
}

public enum CredentialState
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>What an API key stands for. Null from <see cref="AuthenticateApiKey"/> when the key is unknown.</summary>
public sealed record ApiKeyIdentity(
    Guid CredentialId,
    Guid? OrganizationId,
    Role Role,
    CredentialState State,
    bool OrganizationSuspended,
    string? SuspensionReason,
    IReadOnlyList<string> Programs,
    IReadOnlyList<string> OperatedPrograms);

/// <summary>Looks up an API key by its hash (used by the host's authentication).</summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<ApiKeyIdentity?>;

public sealed record PostalAddress(string Line1, string PostalCode, string City);

public sealed record ContactSummary(Guid Id, string FullName, string? Title, string? Email, string? Phone, IReadOnlyList<ContactRole> Roles);

/// <summary>An organization as other modules see it (parties of a convention, recipients of notices).</summary>
public sealed record OrganizationSummary(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    PostalAddress Address,
    string? Email,
    string? Phone,
    bool IsSuspended,
    IReadOnlyList<ContactSummary> Contacts);

/// <summary>Reads an organization for another module, whoever the caller is (null when it does not exist).</summary>
public sealed record GetOrganizationSummary(Guid OrganizationId) : IQuery<OrganizationSummary?>;

/// <summary>The programs an organization takes part in (<see cref="MemberOf"/>, operators included) and those it operates.</summary>
public sealed record OrganizationPrograms(IReadOnlyList<string> MemberOf, IReadOnlyList<string> Operates)
{
    public bool IsMemberOf(string program) => MemberOf.Contains(program);

    public bool IsOperatorOf(string program) => Operates.Contains(program);
}

/// <summary>Which programs an organization takes part in and operates, whoever the caller is (empty when it does not exist).</summary>
public sealed record GetOrganizationPrograms(Guid OrganizationId) : IQuery<OrganizationPrograms>;

/// <summary>Binds an organization to a program as a member (a convention of the program was drafted with it). Idempotent.</summary>
public sealed record JoinProgram(Guid OrganizationId, string Program) : ICommand<bool>;

/// <summary>Creates the first platform admin with the configured key when none exists (<c>Conventions:BootstrapAdminKey</c>).</summary>
public sealed record EnsurePlatformAdmin(string Key) : ICommand<bool>;

/// <summary>An operator suspended a partner's account for misuse: its keys now get 403.</summary>
public sealed record OrganizationSuspended(DateTimeOffset OccurredAt, Guid OrganizationId, string Reason) : IntegrationEvent(OccurredAt);

public sealed record OrganizationReactivated(DateTimeOffset OccurredAt, Guid OrganizationId) : IntegrationEvent(OccurredAt);

/// <summary>An API key as evidence names it: its id, its label and its organization (null when it does not exist).</summary>
public sealed record CredentialSummary(Guid Id, string Label, Guid? OrganizationId);

/// <summary>Reads a key's label for another module (a signature's evidence names the key that signed).</summary>
public sealed record GetCredentialSummary(Guid CredentialId) : IQuery<CredentialSummary?>;

/// <summary>An organization's logo, as documents print it: its content type and bytes (PNG, or SVG sanitised).</summary>
public sealed record OrganizationLogoImage(string ContentType, byte[] Content, string Sha256)
{
    /// <summary>The logo as a <c>data:</c> URI, so that a frozen document carries (and hashes) the image it shows.</summary>
    public string DataUri => $"data:{ContentType};base64,{Convert.ToBase64String(Content)}";
}

/// <summary>Reads an organization's logo for another module (null when it has none).</summary>
public sealed record GetOrganizationLogo(Guid OrganizationId) : IQuery<OrganizationLogoImage?>;

/// <summary>Records a read of personal data in bulk (a list of people): who, through which key, when, what was asked (the host sends it).</summary>
public sealed record RecordPersonalDataAccess(
    Guid? CredentialId, Guid? OrganizationId, string? Role, string Resource, string Request, DateTimeOffset At) : ICommand<bool>;

/// <summary>The kinds of the given organizations (for reports counting by partner kind); unknown ids are left out.</summary>
public sealed record GetOrganizationKinds(IReadOnlyList<Guid> OrganizationIds) : Mediator.IQuery<IReadOnlyDictionary<Guid, OrganizationKind>>;

/// <summary>A program's season events over a period, counted: events held in the programme, people registered with a seat, people present.</summary>
public sealed record SeasonEventFigures(int Events, int Registered, int Attended);

/// <summary>The season events of a program starting in [From, To), counted (no names).</summary>
public sealed record GetSeasonEventFigures(string Program, DateTimeOffset From, DateTimeOffset To) : Mediator.IQuery<SeasonEventFigures>;
