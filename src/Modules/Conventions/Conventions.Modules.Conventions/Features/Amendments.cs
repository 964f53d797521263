using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
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

internal sealed record AmendmentChangesInput
{
    /// <summary>A new end date (fixed-term conventions).</summary>
    /// <example>2027-12-31</example>
    public DateOnly? EndsOn { get; init; }

    /// <summary>Variables whose wording changes.</summary>
    public Dictionary<string, string?>? Variables { get; init; }
}

internal sealed record AmendmentBody
{
    /// <example>Prolongation de la convention jusqu'au 31 décembre 2027.</example>
    public string? Summary { get; init; }

    public AmendmentChangesInput? Changes { get; init; }
}

internal sealed record AmendmentChangesDto(DateOnly? EndsOn, IReadOnlyDictionary<string, string> Variables);

internal sealed record AmendmentDto(
    Guid Id, Guid ConventionId, int Number, string Summary, AmendmentStatus Status, AmendmentChangesDto Changes,
    string DocumentSha256, string ConventionSha256, IReadOnlyList<SignatureDto> Signatures, DateTimeOffset CreatedAt, DateTimeOffset? AppliedAt,
    int ConventionVersion, string DocumentUrl);

internal sealed record DraftAmendment(Guid ConventionId, AmendmentBody Body) : ICommand<AmendmentDto>;

internal sealed class DraftAmendmentValidator : AbstractValidator<DraftAmendment>
{
    public DraftAmendmentValidator()
    {
        RuleFor(c => c.Body.Summary).RequiredParagraphs(2000);
        RuleFor(c => c.Body.Changes).NotNull().WithMessage("Required: what the amendment changes (endsOn, variables).")
            .Must(c => c is null || c.EndsOn is not null || c.Variables is { Count: > 0 }).WithMessage("An amendment changes the end date or at least one variable.");
    }
}

internal sealed class DraftAmendmentHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents)
    : ICommandHandler<DraftAmendment, AmendmentDto>
{
    public async ValueTask<AmendmentDto> Handle(DraftAmendment command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        convention.EnsureAmendable();
        if (await db.Amendments.AnyAsync(a => a.ConventionId == convention.Id && a.Status == AmendmentStatus.AwaitingSignatures, cancellationToken))
        {
            throw new ConflictException("amendment.already_open", "An amendment of this convention is still awaiting signatures.");
        }
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var changes = command.Body.Changes!;
        if (changes.EndsOn is { } endsOn)
        {
            if (template.Term == TermKind.Yearly)
            {
                throw new BusinessRuleException("amendment.term_not_applicable", "A tacitly renewed convention runs year by year: its end comes from the follow-up committee, not an amendment.");
            }
            ConventionRules.ValidateTerm(template, convention.StartsOn, endsOn, endsField: "changes.endsOn");
            if (endsOn < clock.Today())
            {
                throw InvalidInputException.Field("changes.endsOn", "Must not be in the past.");
            }
        }
        var variables = ConventionRules.ValidateVariables(template, changes.Variables, "changes.variables");
        var number = await db.Amendments.CountAsync(a => a.ConventionId == convention.Id, cancellationToken) + 1;
        var parties = await documents.PartiesAsync(convention, cancellationToken);
        var document = documents.RenderAmendment(convention, parties, number, command.Body.Summary!.Trim(), changes.EndsOn, variables);
        var now = clock.GetUtcNow();
        var amendment = new Amendment
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            Number = number,
            Summary = command.Body.Summary.Trim(),
            NewEndsOn = changes.EndsOn,
            NewVariables = variables,
            Status = AmendmentStatus.AwaitingSignatures,
            DocumentHtml = document.Html,
            DocumentSha256 = document.Sha256,
            ConventionSha256 = convention.DocumentSha256!,
            AppliesToVersion = convention.Version,
            CreatedAt = now,
        };
        db.Amendments.Add(amendment);
        convention.Record(now, "amendment-drafted", $"Amendment no. {number} drafted: {amendment.Summary}");
        return AmendmentMapping.ToDto(amendment, convention.Version);
    }
}

internal sealed record SignAmendment(Guid ConventionId, Guid AmendmentId, SignatureBody Body) : ICommand<AmendmentDto>;

internal sealed class SignAmendmentValidator : AbstractValidator<SignAmendment>
{
    public SignAmendmentValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignAmendmentHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<SignAmendment, AmendmentDto>
{
    public async ValueTask<AmendmentDto> Handle(SignAmendment command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        ConventionAccess.EnsureCanActFor(current.Actor, convention, body.Party!.Value);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == command.AmendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", command.AmendmentId);
        var now = clock.GetUtcNow();
        var complete = amendment.Sign(body.Party.Value, body.SignatoryName!.Trim(), body.SignatoryTitle!.Trim(), body.Place!.Trim(), body.SignedOn!.Value, now);
        if (complete)
        {
            convention.EnsureAmendable();
            amendment.Status = AmendmentStatus.Applied;
            amendment.AppliedAt = now;
            convention.ApplyAmendment(amendment.Number, amendment.NewEndsOn, amendment.NewVariables, now);
        }
        return AmendmentMapping.ToDto(amendment, convention.Version);
    }
}

internal sealed record GetAmendmentDocument(Guid ConventionId, Guid AmendmentId) : IQuery<string>;

internal sealed record ListAmendments(Guid ConventionId) : IQuery<ListResponse<AmendmentDto>>;

internal sealed class AmendmentQueries(ConventionsDbContext db, ICurrentActor current)
    : IQueryHandler<GetAmendmentDocument, string>, IQueryHandler<ListAmendments, ListResponse<AmendmentDto>>
{
    public async ValueTask<string> Handle(GetAmendmentDocument query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var amendment = await db.Amendments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AmendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", query.AmendmentId);
        return amendment.DocumentHtml;
    }

    public async ValueTask<ListResponse<AmendmentDto>> Handle(ListAmendments query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.ConventionId, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.ConventionId == convention.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return new ListResponse<AmendmentDto>(amendments.Select(a => AmendmentMapping.ToDto(a, convention.Version)).ToList(), amendments.Count);
    }
}

internal static class AmendmentMapping
{
    public static AmendmentDto ToDto(Amendment a, int conventionVersion) => new(
        a.Id, a.ConventionId, a.Number, a.Summary, a.Status, new AmendmentChangesDto(a.NewEndsOn, a.NewVariables),
        a.DocumentSha256, a.ConventionSha256, a.Signatures.OrderBy(s => s.Party).Select(ConventionMapping.ToDto).ToList(),
        a.CreatedAt, a.AppliedAt, conventionVersion, $"/api/v1/conventions/{a.ConventionId}/amendments/{a.Id}/document");
}

internal static class AmendmentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions/{id:guid}/amendments").WithTags("Amendments");

        group.MapPost("/", async Task<Created<AmendmentDto>> (Guid id, AmendmentBody body, IMediator mediator, CancellationToken ct) =>
            {
                var amendment = await mediator.Send(new DraftAmendment(id, body), ct);
                return TypedResults.Created(amendment.DocumentUrl, amendment);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Drafts an amendment (avenant) with its summary and changes, rendered as its own document referring to the convention's hash.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapGet("/", async Task<Ok<ListResponse<AmendmentDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAmendments(id), ct)))
            .WithSummary("The convention's amendments, applied and open.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{amendmentId:guid}/document", async Task<ContentHttpResult> (Guid id, Guid amendmentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetAmendmentDocument(id, amendmentId), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .WithSummary("The amendment's document (HTML).")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{amendmentId:guid}/signatures", async Task<Created<AmendmentDto>> (Guid id, Guid amendmentId, SignatureBody body, IMediator mediator, CancellationToken ct) =>
            {
                var amendment = await mediator.Send(new SignAmendment(id, amendmentId, body), ct);
                return TypedResults.Created(amendment.DocumentUrl, amendment);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Partner)
            .WithSummary("Records a party's signature of the amendment; with both, it is applied and the convention's version goes up by one.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
