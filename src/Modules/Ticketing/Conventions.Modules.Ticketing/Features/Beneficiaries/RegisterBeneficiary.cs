namespace Conventions.Modules.Ticketing.Features;

/// <summary>Registers a beneficiary (Actionneur) with minimal data, for the caller's organization only.</summary>
internal sealed record RegisterBeneficiary : ICommand<BeneficiaryDto>
{
    /// <example>Samia K.</example>
    public string? DisplayName { get; init; }

    /// <summary>The structure's own reference for the person (optional).</summary>
    /// <example>DOS-2026-114</example>
    public string? ExternalRef { get; init; }
}

internal sealed class RegisterBeneficiaryValidator : AbstractValidator<RegisterBeneficiary>
{
    public RegisterBeneficiaryValidator()
    {
        RuleFor(c => c.DisplayName).RequiredText(200);
        RuleFor(c => c.ExternalRef).OptionalText(100);
    }
}

internal sealed class RegisterBeneficiaryHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RegisterBeneficiary, BeneficiaryDto>
{
    public ValueTask<BeneficiaryDto> Handle(RegisterBeneficiary command, CancellationToken cancellationToken)
    {
        var organization = current.Actor.OrganizationId ?? throw new ForbiddenException("beneficiary.organization_only", "Beneficiaries belong to a social partner: use its key.");
        var beneficiary = Beneficiary.Register(organization, command.DisplayName!, command.ExternalRef, clock.GetUtcNow());
        db.Beneficiaries.Add(beneficiary);
        return ValueTask.FromResult(new BeneficiaryDto(beneficiary.Id, beneficiary.DisplayName, beneficiary.ExternalRef, beneficiary.CreatedAt));
    }
}
