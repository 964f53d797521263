using System.Data;
using Conventions.BuildingBlocks.Mediation;

namespace Conventions.Modules.Conventions.Features;

/// <summary>Changes a draft; omitted fields keep their value. A convention sent for signature is frozen (409).</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record EditConvention(Guid ConventionId, EditConventionBody Body) : ICommand<ConventionDto>, IConditionalCommand
{
    public object Representation() => new GetConvention(ConventionId);
}

internal sealed record EditConventionBody
{
    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public string? Place { get; init; }

    public SignatoryInput? OperatorSignatory { get; init; }

    public SignatoryInput? PartnerSignatory { get; init; }

    /// <summary>Variables to set (merged into the draft's).</summary>
    public Dictionary<string, string?>? Variables { get; init; }
}

internal sealed class EditConventionValidator : AbstractValidator<EditConvention>
{
    public EditConventionValidator()
    {
        RuleFor(c => c.Body.Place).RequiredText(120).When(c => c.Body.Place is not null).OverridePropertyName("place");
        RuleFor(c => c.Body.OperatorSignatory).SetValidator(new SignatoryValidator()!).When(c => c.Body.OperatorSignatory is not null).OverridePropertyName("operatorSignatory");
        RuleFor(c => c.Body.PartnerSignatory).SetValidator(new SignatoryValidator()!).When(c => c.Body.PartnerSignatory is not null).OverridePropertyName("partnerSignatory");
    }
}

internal sealed class EditConventionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents)
    : ICommandHandler<EditConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(EditConvention command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        convention.EnsureDraft();
        var body = command.Body;
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var startsOn = body.StartsOn ?? convention.StartsOn;
        var endsOn = body.EndsOn ?? convention.EndsOn;
        ConventionRules.ValidateTerm(template, startsOn, endsOn);
        var variables = new Dictionary<string, string>(convention.Variables);
        foreach (var (name, value) in ConventionRules.ValidateVariables(template, body.Variables))
        {
            variables[name] = value;
        }
        convention.EditDraft(
            startsOn, endsOn, body.Place?.Trim() ?? convention.Place,
            body.OperatorSignatory is { } o ? new Signatory { FullName = o.FullName!.Trim(), Title = o.Title!.Trim() } : convention.OperatorSignatory,
            body.PartnerSignatory is { } p ? new Signatory { FullName = p.FullName!.Trim(), Title = p.Title!.Trim() } : convention.PartnerSignatory,
            variables, clock.GetUtcNow());
        var draft = documents.RenderBody(convention, await documents.PartiesForTextAsync(convention, cancellationToken), draft: true);
        convention.AttestDraft(draft.Sha256, current.Actor.CredentialId);
        return ConventionMapping.ToDto(convention);
    }
}
