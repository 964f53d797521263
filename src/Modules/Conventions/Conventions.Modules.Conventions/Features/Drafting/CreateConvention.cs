using Conventions.Modules.Partners.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

/// <summary>Drafts a convention from a template, between an operator and a partner.</summary>
internal sealed record CreateConvention : ICommand<ConventionDto>
{
    /// <example>culture-pour-tous/social-partner</example>
    public string? TemplateKey { get; init; }

    /// <example>a1100000-0000-4000-8000-000000000001</example>
    public Guid? OperatorOrganizationId { get; init; }

    /// <example>a1100000-0000-4000-8000-000000000002</example>
    public Guid? PartnerOrganizationId { get; init; }

    /// <example>2026-10-01</example>
    public DateOnly? StartsOn { get; init; }

    /// <example>2027-09-30</example>
    public DateOnly? EndsOn { get; init; }

    /// <summary>Where the convention is made ("Fait à …").</summary>
    /// <example>Lyon</example>
    public string? Place { get; init; }

    public SignatoryInput? OperatorSignatory { get; init; }

    public SignatoryInput? PartnerSignatory { get; init; }

    /// <summary>The template's variables (see GET /convention-templates); omitted ones take their default.</summary>
    public Dictionary<string, string?>? Variables { get; init; }
}

internal sealed class CreateConventionValidator : AbstractValidator<CreateConvention>
{
    public CreateConventionValidator()
    {
        RuleFor(c => c.TemplateKey).NotEmpty().WithMessage("Required.")
            .Must(k => k is null || TemplateCatalog.Find(k) is not null)
            .WithMessage($"Unknown template. Templates: {string.Join(", ", TemplateCatalog.All.Select(t => t.Key))}.");
        RuleFor(c => c.OperatorOrganizationId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.PartnerOrganizationId).NotEmpty().WithMessage("Required.")
            .NotEqual(c => c.OperatorOrganizationId).WithMessage("The partner must be another organization than the operator.");
        RuleFor(c => c.StartsOn).NotNull().WithMessage("Required.");
        RuleFor(c => c.EndsOn).NotNull().WithMessage("Required.");
        RuleFor(c => c.Place).RequiredText(120);
        RuleFor(c => c.OperatorSignatory).NotNull().WithMessage("Required.").SetValidator(new SignatoryValidator()!);
        RuleFor(c => c.PartnerSignatory).NotNull().WithMessage("Required.").SetValidator(new SignatoryValidator()!);
    }
}

internal sealed class CreateConventionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, IMediator mediator)
    : ICommandHandler<CreateConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(CreateConvention command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var operatorId = command.OperatorOrganizationId!.Value;
        var partnerId = command.PartnerOrganizationId!.Value;
        var template = TemplateCatalog.Find(command.TemplateKey)!;
        // An operator admin drafts for its own organization, within a program it operates (docs/access.md).
        if (!actor.SeesEverything && !(actor.Operates(template.Program) && actor.OrganizationId == operatorId))
        {
            throw new ForbiddenException("convention.operator_only", "An operator's admins draft the conventions of their own program, with their organization as the operator.");
        }
        ConventionRules.ValidateTerm(template, command.StartsOn!.Value, command.EndsOn!.Value);
        var variables = ConventionRules.ValidateVariables(template, command.Variables);
        foreach (var id in new[] { operatorId, partnerId })
        {
            if (await mediator.Send(new GetOrganizationSummary(id), cancellationToken) is null)
            {
                throw new BusinessRuleException("convention.unknown_party", $"No organization with id '{id}'.");
            }
        }
        if (!(await mediator.Send(new GetOrganizationPrograms(operatorId), cancellationToken)).IsOperatorOf(template.Program))
        {
            throw new BusinessRuleException("convention.operator_not_in_program", $"The operator party must be an operator of the program '{template.Program}'.");
        }
        // An operator brings into its program only the organizations already bound to it; the platform binds any.
        if (!actor.SeesEverything && !(await mediator.Send(new GetOrganizationPrograms(partnerId), cancellationToken)).IsMemberOf(template.Program))
        {
            throw new ForbiddenException("program.organization_outside", $"This organization does not take part in the program '{template.Program}'.");
        }
        // A partner whose convention of this program is suspended by a dispute is not given a fresh one around it.
        if (await db.Conventions.AnyAsync(c => c.PartnerOrganizationId == partnerId && c.TemplateKey == template.Key && c.Status == ConventionStatus.Suspended, cancellationToken))
        {
            throw new ConflictException("convention.partner_suspended", "This partner's convention of the program is suspended: settle the dispute first.");
        }
        await mediator.Send(new JoinProgram(partnerId, template.Program), cancellationToken);

        var convention = Convention.Draft(
            template, operatorId, partnerId, command.StartsOn.Value, command.EndsOn.Value, command.Place!.Trim(),
            new Signatory { FullName = command.OperatorSignatory!.FullName!.Trim(), Title = command.OperatorSignatory.Title!.Trim() },
            new Signatory { FullName = command.PartnerSignatory!.FullName!.Trim(), Title = command.PartnerSignatory.Title!.Trim() },
            variables, clock.GetUtcNow());
        // Rendering once now proves the draft renders before anyone relies on it.
        var draft = documents.RenderBody(convention, await documents.PartiesForTextAsync(convention, cancellationToken), draft: true);
        convention.AttestDraft(draft.Sha256, actor.CredentialId);
        db.Conventions.Add(convention);
        return ConventionMapping.ToDto(convention);
    }
}
