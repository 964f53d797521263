using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

internal sealed record PublicationBody
{
    /// <example>Permanences retraite et titres de séjour à la Ruche Numérique</example>
    public string? Title { get; init; }

    /// <example>flyer</example>
    public string? Medium { get; init; }

    /// <summary>The publication bears both partners' logos (Ruche art. 5).</summary>
    /// <example>true</example>
    public bool? BearsBothLogos { get; init; }
}

internal sealed record SubmitPublication(Guid ConventionId, PublicationBody Body) : ICommand<PublicationDto>;

internal sealed class SubmitPublicationValidator : AbstractValidator<SubmitPublication>
{
    public SubmitPublicationValidator()
    {
        RuleFor(c => c.Body.Title).RequiredText(300);
        RuleFor(c => c.Body.Medium).RequiredText(120);
        RuleFor(c => c.Body.BearsBothLogos).NotNull().WithMessage("Required: true or false.");
    }
}

internal sealed class SubmitPublicationHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<SubmitPublication, PublicationDto>
{
    public async ValueTask<PublicationDto> Handle(SubmitPublication command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        if (current.Actor.Is(Role.Visitor, Role.Booker, Role.Publisher))
        {
            throw new ForbiddenException("auth.role_forbidden", "Publications are submitted by a party's staff.");
        }
        if (!TemplateCatalog.Find(convention.TemplateKey)!.PublicationsNeedBothApprovals)
        {
            throw new BusinessRuleException("publication.not_applicable", "This convention has no co-approved communication clause.");
        }
        if (convention.Status is not (ConventionStatus.Active or ConventionStatus.Signed or ConventionStatus.Suspended))
        {
            throw new ConflictException("convention.not_active", "Publications are about a signed partnership.");
        }
        if (command.Body.BearsBothLogos != true)
        {
            throw new BusinessRuleException("publication.logos_missing", "Every promotion or communication document must bear both partners' logos (art. 5).");
        }
        var publication = new Publication
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            Title = command.Body.Title!.Trim(),
            Medium = command.Body.Medium!.Trim(),
            BearsBothLogos = true,
            Status = PublicationStatus.Submitted,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Publications.Add(publication);
        return PublicationMapping.ToDto(publication);
    }
}
