using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Conventions.Features;

internal sealed record RenewalDraftedDto(Guid PartnerOrganizationId, string PartnerName, Guid PreviousConventionId, Guid? ConventionId);

internal sealed record RenewalSkippedDto(Guid PartnerOrganizationId, string PartnerName, Guid ConventionId, RenewalSkipReason Reason, string Detail);

/// <summary>What the season's turnover did (or, with <c>dryRun</c>, would do): who was drafted, who was skipped and why.</summary>
internal sealed record SeasonRenewalDto(string Season, string NextSeason, bool DryRun, IReadOnlyList<RenewalDraftedDto> Drafted, IReadOnlyList<RenewalSkippedDto> Skipped);

/// <summary>
/// Culture pour tous' season turnover (issue 19): for every partner of the operator whose convention of the season is
/// active and not under dispute, next season's convention is drafted from it (same signatories, place and clauses),
/// frozen and sent for signature, and the partner is told; the others are reported with the reason.
/// </summary>
internal sealed record RenewSeason(string Season, bool DryRun) : ICommand<SeasonRenewalDto>;

internal sealed class RenewSeasonValidator : AbstractValidator<RenewSeason>
{
    public RenewSeasonValidator() =>
        RuleFor(c => c.Season).Must(s => SeasonRenewal.TryParse(s, out _, out _))
            .WithMessage("A season as 2026-2027 (1 October 2026 to 30 September 2027): the season whose conventions are carried into the next.");
}

internal sealed class RenewSeasonHandler(
    ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects, IMediator mediator)
    : ICommandHandler<RenewSeason, SeasonRenewalDto>
{
    public async ValueTask<SeasonRenewalDto> Handle(RenewSeason command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.SeesEverything && !(actor.Operates(ProgramKeys.CulturePourTous) && actor.Is(Role.OperatorAdmin)))
        {
            throw new ForbiddenException("convention.operator_only", "Only the operators of Culture pour tous renew its season.");
        }
        SeasonRenewal.TryParse(command.Season, out _, out var endsOn);
        var (nextStartsOn, nextEndsOn) = (endsOn.AddDays(1), endsOn.AddYears(1));
        var template = TemplateCatalog.CulturePourTous;
        var season = db.Conventions
            .Where(c => c.TemplateKey == template.Key && c.EndsOn == endsOn && c.Status != ConventionStatus.Draft);
        var next = db.Conventions.AsNoTracking()
            .Where(c => c.TemplateKey == template.Key && c.StartsOn == nextStartsOn && c.Status != ConventionStatus.Terminated && c.Status != ConventionStatus.Expired);
        if (!actor.SeesEverything)
        {
            season = season.Where(c => c.OperatorOrganizationId == actor.OrganizationId);
            next = next.Where(c => c.OperatorOrganizationId == actor.OrganizationId);
        }
        var nextPairs = (await next.Select(c => new { c.OperatorOrganizationId, c.PartnerOrganizationId, c.Id }).ToListAsync(cancellationToken))
            .ToLookup(c => (c.OperatorOrganizationId, c.PartnerOrganizationId), c => c.Id);
        var conventions = await season.ToListAsync(cancellationToken);
        var drafted = new List<RenewalDraftedDto>();
        var skipped = new List<RenewalSkippedDto>();
        var today = clock.Today();
        var now = clock.GetUtcNow();
        foreach (var group in conventions.GroupBy(c => (c.OperatorOrganizationId, c.PartnerOrganizationId)).OrderBy(g => g.Key.PartnerOrganizationId))
        {
            var convention = SeasonRenewal.Current(group);
            var dispute = await mediator.Send(new GetOpenDispute(convention.Id), cancellationToken);
            var existing = nextPairs[group.Key].FirstOrDefault();
            var reason = SeasonRenewal.Choose(convention, dispute is not null, existing != Guid.Empty);
            var partnerName = (await mediator.Send(new GetOrganizationSummary(convention.PartnerOrganizationId), cancellationToken))?.Name ?? string.Empty;
            if (reason is { } why)
            {
                skipped.Add(new RenewalSkippedDto(convention.PartnerOrganizationId, partnerName, convention.Id, why, why switch
                {
                    RenewalSkipReason.AlreadyDrafted => $"Next season's convention already exists ({existing}).",
                    RenewalSkipReason.UnderDispute => dispute is { } d
                        ? $"A dispute notified on {d.NotifiedOn:yyyy-MM-dd} is open ({BuildingBlocks.Web.JsonDefaults.Kebab(d.Status)})."
                        : "The convention is suspended.",
                    _ => $"The season's convention is {BuildingBlocks.Web.JsonDefaults.Kebab(convention.Status)}.",
                }));
                continue;
            }
            if (command.DryRun)
            {
                drafted.Add(new RenewalDraftedDto(convention.PartnerOrganizationId, partnerName, convention.Id, null));
                continue;
            }
            var renewed = await DraftAndSendAsync(convention, nextStartsOn, nextEndsOn, actor.CredentialId, today, now, cancellationToken);
            drafted.Add(new RenewalDraftedDto(convention.PartnerOrganizationId, partnerName, convention.Id, renewed.Id));
        }
        return new SeasonRenewalDto(SeasonRenewal.Name(endsOn.AddYears(-1).AddDays(1)), SeasonRenewal.Name(nextStartsOn), command.DryRun, drafted, skipped);
    }

    private async Task<Convention> DraftAndSendAsync(Convention current, DateOnly startsOn, DateOnly endsOn, Guid? credentialId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = TemplateCatalog.Find(current.TemplateKey)!;
        var convention = Convention.Draft(template, current.OperatorOrganizationId, current.PartnerOrganizationId, startsOn, endsOn, current.Place,
            new Signatory { FullName = current.OperatorSignatory.FullName, Title = current.OperatorSignatory.Title },
            new Signatory { FullName = current.PartnerSignatory.FullName, Title = current.PartnerSignatory.Title },
            SeasonRenewal.NextVariables(current.Variables, startsOn), now);
        convention.Record(now, "season-renewal", $"Drafted for the season {SeasonRenewal.Name(startsOn)} from convention {current.Id}.", credentialId);
        var parties = await documents.PartiesForTextAsync(convention, cancellationToken);
        convention.AttestDraft(documents.RenderBody(convention, parties, draft: true).Sha256, credentialId);
        convention.SendForSignature(documents.RenderBody(convention, parties, draft: false), now, credentialId);
        db.Conventions.Add(convention);
        db.Publish(new ConventionSignatureRequested(now, convention.Id, convention.TemplateKey, convention.OperatorOrganizationId,
            convention.PartnerOrganizationId, convention.DocumentSha256!));
        effects.SeasonRenewed(db, convention, parties, SeasonRenewal.Name(startsOn), today, now);
        return convention;
    }
}
