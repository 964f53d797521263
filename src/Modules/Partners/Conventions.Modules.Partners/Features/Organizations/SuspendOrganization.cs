namespace Conventions.Modules.Partners.Features;

/// <summary>Suspends a partner's account for misuse (Culture pour tous art. 2): its keys then get 403.</summary>
internal sealed record SuspendOrganization(Guid OrganizationId, string? Reason) : ICommand<OrganizationDto>;

internal sealed record SuspendBody
{
    /// <example>Grand nombre de réservations inutilisées malgré les alertes.</example>
    public string? Reason { get; init; }
}

internal sealed class SuspendOrganizationValidator : AbstractValidator<SuspendOrganization>
{
    public SuspendOrganizationValidator() => RuleFor(c => c.Reason).RequiredParagraphs(1000);
}

internal sealed class SuspendOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<SuspendOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(SuspendOrganization command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        if (current.Actor.OrganizationId == organization.Id)
        {
            throw new BuildingBlocks.Errors.BusinessRuleException("organization.cannot_suspend_self", "An operator cannot suspend its own account.");
        }
        var now = clock.GetUtcNow();
        organization.Suspend(command.Reason!, now);
        db.Publish(new OrganizationSuspended(now, organization.Id, organization.SuspensionReason!));
        return OrganizationMapping.ToDto(organization);
    }
}
