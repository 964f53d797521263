using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// Turns what happened to a convention into integration events and French notices, written to the module's outbox in
/// the same transaction as the change. Each notice carries a deduplication key: a transition is notified once.
/// </summary>
internal sealed class ConventionEffects(ConventionDocuments documents)
{
    public void Publish(ConventionsDbContext db, Convention convention, Parties parties, IEnumerable<ConventionEffect> effects, DateOnly today, DateTimeOffset now)
    {
        foreach (var effect in effects)
        {
            switch (effect.Kind)
            {
                case EffectKind.Activated:
                    StatusChanged(db, convention, ConventionChange.Activated, effect.On, null, now);
                    Notice(db, convention, parties, "activated", "Entrée en vigueur de la convention de partenariat", today, now, $"activated:{effect.On:yyyy-MM-dd}");
                    break;
                case EffectKind.EndOfTermNotice:
                    Notice(db, convention, parties, "end-of-term-notice", "Échéance de la convention de partenariat dans un mois", today, now, $"end-of-term:{convention.EndsOn:yyyy-MM-dd}");
                    break;
                case EffectKind.Expired:
                    StatusChanged(db, convention, ConventionChange.Expired, effect.On, effect.Basis switch
                    {
                        TermBasis.CommitteeRefused => "Not renewed by the follow-up committee.",
                        TermBasis.PartnerDeclined => "Not renewed: the partner did not agree to the committee's renewal.",
                        _ => "End of the fixed term.",
                    }, now);
                    Notice(db, convention, parties, "expired", "Fin de la convention de partenariat", today, now, $"expired:{effect.On:yyyy-MM-dd}", basis: effect.Basis,
                        periodStartsOn: effect.PeriodStartsOn, periodEndsOn: effect.PeriodEndsOn);
                    break;
                case EffectKind.CommitteeReminder:
                    Notice(db, convention, parties, "committee-reminder", "Comité de suivi à programmer avant la reconduction", today, now,
                        $"committee-reminder:{effect.PeriodEndsOn:yyyy-MM-dd}", operatorOnly: true, periodStartsOn: effect.PeriodStartsOn, periodEndsOn: effect.PeriodEndsOn);
                    break;
                case EffectKind.Renewed:
                    StatusChanged(db, convention, ConventionChange.Renewed, effect.On, $"Renewed for {effect.PeriodStartsOn:yyyy-MM-dd} to {effect.PeriodEndsOn:yyyy-MM-dd}.", now);
                    Notice(db, convention, parties, "renewed", effect.Basis == TermBasis.Agreed
                            ? "Reconduction de la convention de partenariat après accord des deux parties"
                            : "Reconduction tacite de la convention de partenariat", today, now, $"renewed:{effect.PeriodStartsOn:yyyy-MM-dd}",
                        basis: effect.Basis, periodStartsOn: effect.PeriodStartsOn, periodEndsOn: effect.PeriodEndsOn);
                    break;
            }
        }
    }

    /// <summary>Next season's convention, drafted by the season's turnover and sent for signature: to both parties.</summary>
    public void SeasonRenewed(ConventionsDbContext db, Convention convention, Parties parties, string season, DateOnly today, DateTimeOffset now) =>
        Notice(db, convention, parties, "season-renewal", $"Convention de partenariat de la saison {season} à signer", today, now, $"season-renewal:{season}",
            extra: new Dictionary<string, object?> { ["season"] = season });

    /// <summary>The committee's decision, to both parties: the partner is asked to answer before the period ends.</summary>
    public void CommitteeDecided(ConventionsDbContext db, Convention convention, Parties parties, Committee committee, DateOnly today, DateTimeOffset now) =>
        Notice(db, convention, parties, "committee-decision", "Décision du comité de suivi", today, now, $"committee-decision:{committee.Id:N}",
            periodEndsOn: committee.PeriodEndsOn, extra: CommitteeModel(committee));

    /// <summary>The partner's answer, to both parties (the operator learns it, the partner keeps a copy).</summary>
    public void CommitteeAnswered(ConventionsDbContext db, Convention convention, Parties parties, Committee committee, DateOnly today, DateTimeOffset now) =>
        Notice(db, convention, parties, "committee-answer", committee.PartnerAgrees == true
                ? "Accord du partenaire sur la décision du comité de suivi"
                : "Désaccord du partenaire sur la décision du comité de suivi", today, now, $"committee-answer:{committee.Id:N}",
            periodEndsOn: committee.PeriodEndsOn, extra: CommitteeModel(committee));

    private static Dictionary<string, object?> CommitteeModel(Committee committee) => new()
    {
        ["meets_on"] = French.Date(committee.MeetsOn),
        ["renew"] = committee.Renew == true,
        ["minutes"] = committee.Minutes,
        ["agrees"] = committee.PartnerAgrees == true,
        ["comment"] = committee.PartnerComment,
    };

    public static void StatusChanged(ConventionsDbContext db, Convention convention, ConventionChange change, DateOnly effectiveOn, string? reason, DateTimeOffset now) =>
        db.Publish(new ConventionStatusChanged(now, convention.Id, convention.TemplateKey, convention.OperatorOrganizationId, convention.PartnerOrganizationId,
            change, convention.Status, effectiveOn, reason));

    private void Notice(
        ConventionsDbContext db, Convention convention, Parties parties, string kind, string subject, DateOnly today, DateTimeOffset now, string key,
        bool operatorOnly = false, TermBasis? basis = null, DateOnly? periodStartsOn = null, DateOnly? periodEndsOn = null,
        IReadOnlyDictionary<string, object?>? extra = null)
    {
        // A renewal caught up late names the period it was about, not the current one.
        var body = documents.RenderNotice(kind, subject, convention, parties, today, basis, periodStartsOn, periodEndsOn, extra);
        var audience = operatorOnly ? new[] { parties.Operator } : new[] { parties.Operator, parties.Partner };
        db.Publish(new NoticeRequested(
            now, kind, subject, body,
            audience.SelectMany(NoticeRecipients.ReferentsOf).ToList(),
            audience.Select(o => o.Id).ToList(),
            ConventionId: convention.Id,
            DeduplicationKey: $"convention:{convention.Id:N}:{key}"));
    }
}
