using Conventions.BuildingBlocks.Outbox;
using Mediator;

namespace Conventions.Modules.Conventions.Contracts;

public enum ConventionStatus
{
    Draft,
    AwaitingSignatures,
    Signed,
    Active,
    Suspended,
    Terminated,
    Expired,
    Lapsed,
}

public enum RenewalPolicy
{
    None,
    TacitYearly,
}

public enum DisputePolicy
{
    SuspendExplainTerminate,
    LapseAfterOneMonth,
}

public enum ConventionParty
{
    Operator,
    Partner,
}

/// <summary>What happened to a convention, in <see cref="ConventionStatusChanged"/>.</summary>
public enum ConventionChange
{
    Activated,
    Suspended,
    Reinstated,
    Terminated,
    Expired,
    Lapsed,
    Renewed,
}

/// <summary>The template keys of the two built-in conventions.</summary>
public static class ConventionTemplates
{
    public const string CultureSocialPartner = "culture-pour-tous/social-partner";
    public const string RuchePremises = "ruche-numerique/premises";
}

/// <summary>A convention as other modules see it.</summary>
/// <param name="RenewedPeriodEndsOn">The end of the next period once the follow-up committee decided to renew the current one and the partner did not withhold its agreement (null otherwise).</param>
public sealed record ConventionSummary(
    Guid Id,
    string TemplateKey,
    Guid OperatorOrganizationId,
    Guid PartnerOrganizationId,
    ConventionStatus Status,
    DisputePolicy DisputePolicy,
    RenewalPolicy RenewalPolicy,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateOnly CurrentPeriodStartsOn,
    DateOnly CurrentPeriodEndsOn,
    DateOnly? RenewedPeriodEndsOn = null);

/// <summary>Reads a convention for another module, whoever the caller is (null when it does not exist).</summary>
public sealed record GetConventionSummary(Guid ConventionId) : IQuery<ConventionSummary?>;

/// <summary>Whether an organization may operate under a template's program now: it is the partner of an active convention.</summary>
public sealed record MayOperateUnder(Guid OrganizationId, string TemplateKey) : IQuery<OperatingStanding>;

/// <param name="Allowed">True when an active convention exists.</param>
/// <param name="ConventionId">The active convention, or the most recent one when none is active.</param>
/// <param name="Status">That convention's status; null when the organization has none under the template.</param>
public sealed record OperatingStanding(bool Allowed, Guid? ConventionId, ConventionStatus? Status);

/// <summary>
/// Status changes the dispute workflow applies. Idempotent: applying one to a convention already in the target status
/// changes nothing and publishes nothing. A wrong step is 409 <c>convention.not_active</c>.
/// </summary>
public sealed record SuspendConvention(Guid ConventionId, string Reason, DateOnly EffectiveOn) : ICommand<ConventionSummary>;

public sealed record ReinstateConvention(Guid ConventionId, string Reason, DateOnly EffectiveOn) : ICommand<ConventionSummary>;

public sealed record TerminateConvention(Guid ConventionId, string Reason, DateOnly EffectiveOn) : ICommand<ConventionSummary>;

public sealed record LapseConvention(Guid ConventionId, string Reason, DateOnly EffectiveOn) : ICommand<ConventionSummary>;

/// <summary>Every status change of a convention, and each tacit renewal (published through the outbox).</summary>
public sealed record ConventionStatusChanged(
    DateTimeOffset OccurredAt,
    Guid ConventionId,
    string TemplateKey,
    Guid OperatorOrganizationId,
    Guid PartnerOrganizationId,
    ConventionChange Change,
    ConventionStatus Status,
    DateOnly EffectiveOn,
    string? Reason) : IntegrationEvent(OccurredAt);

/// <summary>A convention was frozen and sent to both parties for signature (published through the outbox).</summary>
public sealed record ConventionSignatureRequested(
    DateTimeOffset OccurredAt,
    Guid ConventionId,
    string TemplateKey,
    Guid OperatorOrganizationId,
    Guid PartnerOrganizationId,
    string DocumentSha256) : IntegrationEvent(OccurredAt);
