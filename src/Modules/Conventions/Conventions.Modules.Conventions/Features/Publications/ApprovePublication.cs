using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

internal sealed record ApprovalBody
{
    /// <example>operator</example>
    public ConventionParty? Party { get; init; }
}

internal sealed record ApprovePublication(Guid ConventionId, Guid PublicationId, ApprovalBody Body) : ICommand<PublicationDto>;

internal sealed class ApprovePublicationValidator : AbstractValidator<ApprovePublication>
{
    public ApprovePublicationValidator() => RuleFor(c => c.Body.Party).NotNull().WithMessage("Required: operator or partner.");
}

internal sealed class ApprovePublicationHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<ApprovePublication, PublicationDto>
{
    public async ValueTask<PublicationDto> Handle(ApprovePublication command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var party = command.Body.Party!.Value;
        var actor = current.Actor;
        ConventionAccess.EnsureCanRead(actor, convention);
        // Each party approves for itself; the platform may record either approval.
        var own = actor.SeesEverything
            || (party == ConventionParty.Operator && ConventionAccess.IsOperator(actor, convention))
            || (party == ConventionParty.Partner && actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin));
        if (!own)
        {
            throw new ForbiddenException("publication.party_forbidden", $"Only the {Convention.Describe(party)} approves for itself.");
        }
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == command.PublicationId && p.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("publication", command.PublicationId);
        publication.Approve(party, clock.GetUtcNow());
        return PublicationMapping.ToDto(publication);
    }
}
