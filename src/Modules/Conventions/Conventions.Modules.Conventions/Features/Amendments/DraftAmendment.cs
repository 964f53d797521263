using Microsoft.AspNetCore.Builder;

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
        // Either party proposes a change "après concertation" (La Ruche, art. 6); both sign it.
        var proposedBy = ConventionAccess.EnsureParty(current.Actor, convention);
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
            ProposedBy = proposedBy,
            CreatedAt = now,
        };
        db.Amendments.Add(amendment);
        convention.Record(now, "amendment-drafted",
            $"Amendment no. {number} proposed{(proposedBy is { } party ? $" by the {Convention.Describe(party)}" : string.Empty)}: {amendment.Summary}", current.Actor.CredentialId);
        return AmendmentMapping.ToDto(amendment, convention.Version);
    }
}
