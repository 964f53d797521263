using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Disputes.Features;

/// <summary>
/// Carries out a dispute step's effects: the convention's status through the Conventions contracts (committed before
/// the dispute, see UnitOfWork), French letters to both parties' referents through the outbox (deduplicated), and a
/// Hangfire timer for each deadline's reminder and due time (the sweep is the safety net).
/// </summary>
internal sealed class DisputeEffects(IMediator mediator, DocumentRenderer renderer, IJobScheduler scheduler)
{
    private static readonly TemplateRef Letter = new(typeof(DisputeEffects).Assembly, "dispute-letter.sbn-html");

    public async Task ExecuteAsync(
        DisputesDbContext db, Dispute dispute, DisputeStatus? statusBefore, IReadOnlyList<DisputeEffect> effects, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (effects.Count == 0)
        {
            return;
        }
        var parties = await PartiesAsync(dispute, cancellationToken);
        foreach (var effect in effects)
        {
            var reason = $"Dispute {dispute.Id}: {dispute.Grounds}";
            switch (effect.Kind)
            {
                case DisputeEffectKind.SuspendConvention:
                    await mediator.Send(new SuspendConvention(dispute.ConventionId, reason, effect.On), cancellationToken);
                    break;
                case DisputeEffectKind.ReinstateConvention:
                    await mediator.Send(new ReinstateConvention(dispute.ConventionId, reason, effect.On), cancellationToken);
                    break;
                case DisputeEffectKind.TerminateConvention:
                    await mediator.Send(new TerminateConvention(dispute.ConventionId, reason, effect.On), cancellationToken);
                    break;
                case DisputeEffectKind.LapseConvention:
                    await mediator.Send(new LapseConvention(dispute.ConventionId, reason, effect.On), cancellationToken);
                    break;
                case DisputeEffectKind.DeadlineSet:
                    var deadline = dispute.Deadline(effect.Deadline!.Value)!;
                    scheduler.Schedule(JobNames.Deadlines, ParisTime.At(deadline.ReminderOn, new TimeOnly(8, 0)));
                    scheduler.Schedule(JobNames.Deadlines, ParisTime.StartOf(deadline.DueOn.AddDays(1)).AddMinutes(5));
                    break;
                case DisputeEffectKind.Notice:
                    Notice(db, dispute, parties, effect, today, now);
                    if (effect.NoticeKind == "deadline-reminder" && effect.Deadline is { } reminded && dispute.Deadline(reminded) is { } due)
                    {
                        db.Publish(new DisputeDeadlineReminder(now, dispute.Id, dispute.ConventionId, dispute.OperatorOrganizationId,
                            dispute.PartnerOrganizationId, JsonDefaults.Kebab(reminded), due.DueOn));
                    }
                    break;
            }
        }
        if (statusBefore != dispute.Status)
        {
            db.Publish(new DisputeStatusChanged(now, dispute.Id, dispute.ConventionId, dispute.Status, today,
                dispute.OperatorOrganizationId, dispute.PartnerOrganizationId, Opened: statusBefore is null));
        }
    }

    private async Task<(OrganizationSummary Operator, OrganizationSummary Partner)> PartiesAsync(Dispute dispute, CancellationToken cancellationToken) =>
        (await OrganizationAsync(dispute.OperatorOrganizationId, cancellationToken), await OrganizationAsync(dispute.PartnerOrganizationId, cancellationToken));

    /// <summary>
    /// The parties as the Partners module knows them, asked once per unit of work: a sweep's batch applies the steps of
    /// many disputes, most of them with the same operator.
    /// </summary>
    private readonly Dictionary<Guid, OrganizationSummary> _organizations = [];

    private async Task<OrganizationSummary> OrganizationAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_organizations.TryGetValue(id, out var organization))
        {
            organization = await mediator.Send(new GetOrganizationSummary(id), cancellationToken) ?? throw NotFoundException.For("organization", id);
            _organizations[id] = organization;
        }
        return organization;
    }

    private void Notice(DisputesDbContext db, Dispute dispute, (OrganizationSummary Operator, OrganizationSummary Partner) parties, DisputeEffect effect, DateOnly today, DateTimeOffset now)
    {
        var kind = effect.NoticeKind!;
        var subject = Subjects[kind];
        var deadline = effect.Deadline is { } name ? dispute.Deadline(name) : null;
        var raiser = dispute.RaisedBy == ConventionParty.Operator ? parties.Operator : parties.Partner;
        var atFault = dispute.RaisedBy == ConventionParty.Operator ? parties.Partner : parties.Operator;
        var html = renderer.Render(Letter, new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["today"] = French.Date(today),
            ["convention_title"] = dispute.TemplateKey == ConventionTemplates.CultureSocialPartner
                ? "Convention de partenariat – Coopérateur social (Culture pour tous)"
                : "Convention de partenariat – La Ruche Numérique",
            ["operator"] = parties.Operator.Name,
            ["partner"] = parties.Partner.Name,
            ["raiser"] = raiser.Name,
            ["at_fault"] = atFault.Name,
            ["grounds"] = dispute.Grounds,
            ["notified_on"] = French.Date(dispute.NotifiedOn),
            ["deadline_due_on"] = deadline is null ? null : French.Date(deadline.DueOn),
            ["deadline_starts_from"] = deadline is null ? null : French.Date(deadline.StartsFrom),
            ["explanation_due_on"] = dispute.Deadline(DeadlineName.Explanation) is { } e ? French.Date(e.DueOn) : null,
            ["window_due_on"] = dispute.Deadline(DeadlineName.TerminationWindow) is { } w ? French.Date(w.DueOn) : null,
            ["lapse_due_on"] = dispute.Deadline(DeadlineName.Lapse) is { } l ? French.Date(l.DueOn) : null,
            ["effective_on"] = French.Date(effect.On),
            ["summary"] = dispute.ResolutionSummary,
            ["tracking_number"] = dispute.TerminationTrackingNumber,
            ["rules_version"] = dispute.CitedRulesVersion,
            ["rules_title"] = dispute.CitedRulesTitle,
            ["rules_sha256"] = dispute.CitedRulesSha256,
            ["rules_acknowledged_by"] = dispute.CitedRulesAcknowledgedBy,
            ["rules_acknowledged_on"] = dispute.CitedRulesAcknowledgedAt is { } acknowledgedAt ? French.Date(DateOnly.FromDateTime(ParisTime.ToParis(acknowledgedAt).DateTime)) : null,
            ["deadline_name"] = deadline?.Name switch
            {
                DeadlineName.Explanation => "le délai d'explication",
                DeadlineName.TerminationWindow => "le délai de résiliation",
                DeadlineName.Lapse => "le délai d'un mois avant caducité",
                _ => null,
            },
        }).Html;
        var audience = new[] { parties.Operator, parties.Partner };
        db.Publish(new NoticeRequested(
            now, kind, subject, html,
            audience.SelectMany(NoticeRecipients.ReferentsOf).ToList(),
            audience.Select(o => o.Id).ToList(),
            ConventionId: dispute.ConventionId,
            DisputeId: dispute.Id,
            DeduplicationKey: $"dispute:{dispute.Id:N}:{kind}:{effect.Deadline}"));
    }

    private static readonly Dictionary<string, string> Subjects = new()
    {
        ["dispute-opened"] = "Dénonciation de la convention et suspension du partenariat",
        ["dysfunction-notified"] = "Notification d'un dysfonctionnement",
        ["internal-rules-termination"] = "Rupture immédiate du partenariat (règlement intérieur)",
        ["deadline-reminder"] = "Rappel : une échéance approche",
        ["explanation-received"] = "Éléments d'explication reçus",
        ["termination-window-opened"] = "Ouverture du délai de résiliation",
        ["termination-right-lapsed"] = "Expiration du délai de résiliation",
        ["terminated"] = "Résiliation de la convention de partenariat",
        ["resolved"] = "Accord trouvé : reprise du partenariat",
        ["remedied"] = "Dysfonctionnement corrigé : poursuite du partenariat",
        ["convention-lapsed"] = "Caducité de la convention de partenariat",
    };
}
