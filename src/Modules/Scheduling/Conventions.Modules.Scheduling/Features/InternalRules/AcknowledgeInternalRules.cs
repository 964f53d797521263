using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record AcknowledgmentBody
{
    /// <summary>The partner's premises convention with the venue's operator.</summary>
    public Guid? ConventionId { get; init; }

    /// <summary>The version read: it must be the current one.</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    /// <summary>Who read the rules for the partner.</summary>
    /// <example>Maryse NORDEZ-RYEZ, présidente</example>
    public string? AcknowledgedBy { get; init; }
}

/// <summary>
/// The partner acknowledges the current version of the venue's internal rules under its premises convention (article 3:
/// "veillera à respecter le règlement intérieur du service"): who, when, which version and its hash, through which key
/// and from where. A breach dispute cites it.
/// </summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record AcknowledgeInternalRules(Guid VenueId, AcknowledgmentBody Body) : ICommand<RulesAcknowledgmentDto>;

internal sealed class AcknowledgeInternalRulesValidator : AbstractValidator<AcknowledgeInternalRules>
{
    public AcknowledgeInternalRulesValidator()
    {
        RuleFor(c => c.Body.ConventionId).NotEmpty().WithMessage("Required.").OverridePropertyName("conventionId");
        RuleFor(c => c.Body.Version).NotNull().WithMessage("Required: the version read.").GreaterThan(0).OverridePropertyName("version");
        RuleFor(c => c.Body.AcknowledgedBy).RequiredText(200).OverridePropertyName("acknowledgedBy");
    }
}

internal sealed class AcknowledgeInternalRulesHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, RequestOrigin origin)
    : ICommandHandler<AcknowledgeInternalRules, RulesAcknowledgmentDto>
{
    public async ValueTask<RulesAcknowledgmentDto> Handle(AcknowledgeInternalRules command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        var body = command.Body;
        var convention = await SchedulingAccess.PremisesConventionAsync(mediator, current.Actor, body.ConventionId!.Value, cancellationToken);
        // The partner acknowledges for itself: neither the operator nor the platform does it in its name.
        if (!current.Actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin))
        {
            throw new ForbiddenException("internal_rules.partner_only", "Only a key of the convention's partner acknowledges the internal rules.");
        }
        if (convention.OperatorOrganizationId != venue.OperatorOrganizationId)
        {
            throw new BusinessRuleException("internal_rules.other_operator", "This venue is not run by the convention's operator.");
        }
        var rules = await db.InternalRules.SingleOrDefaultAsync(r => r.VenueId == venue.Id && r.Version == body.Version, cancellationToken)
            ?? throw new NotFoundException("internal_rules.not_found", $"This venue has no version {body.Version} of its internal rules.");
        var currentVersion = await db.InternalRules.Where(r => r.VenueId == venue.Id).MaxAsync(r => r.Version, cancellationToken);
        var already = await db.RulesAcknowledgments.AnyAsync(a => a.RulesId == rules.Id && a.ConventionId == convention.Id, cancellationToken);
        InternalRules.EnsureAcknowledgeable(rules, currentVersion, already);
        var acknowledgment = new RulesAcknowledgment
        {
            Id = Guid.NewGuid(),
            RulesId = rules.Id,
            VenueId = venue.Id,
            Version = rules.Version,
            Sha256 = rules.Sha256,
            ConventionId = convention.Id,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            AcknowledgedBy = body.AcknowledgedBy!.Trim(),
            AcknowledgedAt = clock.GetUtcNow(),
            CredentialId = current.Actor.CredentialId,
            ClientAddress = origin.ClientAddress,
        };
        db.RulesAcknowledgments.Add(acknowledgment);
        return InternalRulesMapping.ToDto(acknowledgment);
    }
}
