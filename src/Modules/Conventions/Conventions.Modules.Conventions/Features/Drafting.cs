using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Conventions.Persistence;
using Conventions.Modules.Partners.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Conventions.Features;

internal sealed record CommitmentDto(ConventionParty Party, string Section, string Text);

internal sealed record TemplateParameterDto(string Name, string Description, bool Required, string? Default, bool IsList);

internal sealed record TemplateDto(
    string Key, string Title, string Program, string Term, RenewalPolicy RenewalPolicy, DisputePolicy DisputePolicy,
    bool PublicationsNeedBothApprovals, IReadOnlyList<CommitmentDto> Commitments, IReadOnlyList<TemplateParameterDto> Parameters);

internal sealed record ListTemplates : IQuery<ListResponse<TemplateDto>>;

internal sealed class ListTemplatesHandler : IQueryHandler<ListTemplates, ListResponse<TemplateDto>>
{
    public ValueTask<ListResponse<TemplateDto>> Handle(ListTemplates query, CancellationToken cancellationToken)
    {
        var items = TemplateCatalog.All.Select(t => new TemplateDto(
                t.Key, t.Title, t.Program,
                t.Term == TermKind.Fixed ? "fixed: from startsOn to endsOn" : "one year from startsOn, renewed tacitly each year for one year",
                t.RenewalPolicy, t.DisputePolicy, t.PublicationsNeedBothApprovals,
                t.Commitments.Select(c => new CommitmentDto(c.Party, c.Section, c.Text)).ToList(),
                t.Parameters.Select(p => new TemplateParameterDto(p.Name, p.Description, p.Required, p.Default, p.IsList)).ToList()))
            .ToList();
        return ValueTask.FromResult(new ListResponse<TemplateDto>(items, items.Count));
    }
}

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
        documents.RenderBody(convention, await documents.PartiesAsync(convention, cancellationToken), draft: true);
        db.Conventions.Add(convention);
        return ConventionMapping.ToDto(convention);
    }
}

/// <summary>Changes a draft; omitted fields keep their value. A convention sent for signature is frozen (409).</summary>
internal sealed record EditConvention(Guid ConventionId, EditConventionBody Body) : ICommand<ConventionDto>;

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
        documents.RenderBody(convention, await documents.PartiesAsync(convention, cancellationToken), draft: true);
        return ConventionMapping.ToDto(convention);
    }
}

internal static class DraftingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/convention-templates", async Task<Ok<ListResponse<TemplateDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTemplates(), ct)))
            .WithTags("Convention templates")
            .WithSummary("The built-in convention templates, with their clauses as data: term, renewal policy, dispute policy, commitments and variables.")
            .ProducesRefusals(401, 403);

        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapPost("/", async Task<Created<ConventionDto>> (CreateConvention command, IMediator mediator, CancellationToken ct) =>
            {
                var convention = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/conventions/{convention.Id}", convention);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Drafts a convention from a template (operator admins of the operator, platform admins).")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapPatch("/{id:guid}", async Task<Ok<ConventionDto>> (Guid id, EditConventionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditConvention(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Changes a draft. Once sent for signature the document is frozen: 409 convention.frozen, use an amendment.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
