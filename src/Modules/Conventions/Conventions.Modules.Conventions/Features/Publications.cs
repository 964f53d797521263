using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Conventions.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

internal sealed record ApprovalBody
{
    /// <example>operator</example>
    public ConventionParty? Party { get; init; }
}

internal sealed record PublicationApprovalDto(ConventionParty Party, DateTimeOffset ApprovedAt);

internal sealed record PublicationDto(Guid Id, Guid ConventionId, string Title, string Medium, bool BearsBothLogos, PublicationStatus Status, IReadOnlyList<PublicationApprovalDto> Approvals, DateTimeOffset SubmittedAt);

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

internal static class PublicationMapping
{
    public static PublicationDto ToDto(Publication p) => new(
        p.Id, p.ConventionId, p.Title, p.Medium, p.BearsBothLogos, p.Status,
        p.Approvals.OrderBy(a => a.Party).Select(a => new PublicationApprovalDto(a.Party, a.ApprovedAt)).ToList(), p.SubmittedAt);
}

internal static class PublicationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions/{id:guid}/publications").WithTags("Publications");

        group.MapPost("/", async Task<Created<PublicationDto>> (Guid id, PublicationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new SubmitPublication(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("Submits a publication about the partnership (Ruche art. 5): it must bear both logos (422 otherwise) and be approved by both parties.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{publicationId:guid}/approvals", async Task<Created<PublicationDto>> (Guid id, Guid publicationId, ApprovalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/conventions/{id}", await mediator.Send(new ApprovePublication(id, publicationId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("A party approves the publication; with both approvals it is approved.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
