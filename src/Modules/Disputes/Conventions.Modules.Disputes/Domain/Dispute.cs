using Conventions.BuildingBlocks.LegalCalendar;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Scheduling.Contracts;

namespace Conventions.Modules.Disputes.Domain;

/// <summary>
/// A dispute between the parties of a convention (dénonciation / mise en cause). Its procedure comes from the
/// convention's dispute policy; its deadlines start from the date the notice reached the other party and are computed
/// as the Code de procédure civile computes them. Every step is a dated event.
/// </summary>
internal sealed partial class Dispute : global::Conventions.BuildingBlocks.Persistence.IConcurrencyChecked, global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
{
    public static readonly LegalPeriod FifteenDays = LegalPeriod.Days(15);
    public static readonly LegalPeriod OneMonth = LegalPeriod.Months(1);

    private Dispute()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConventionId { get; private set; }

    public string TemplateKey { get; private set; } = string.Empty;

    public Guid OperatorOrganizationId { get; private set; }

    public Guid PartnerOrganizationId { get; private set; }

    public DisputePolicy Policy { get; private set; }

    /// <summary>The public holidays its deadlines count: those of the operator's place (Alsace-Moselle has two more).</summary>
    public HolidayRegion Region { get; private set; }

    public ConventionParty RaisedBy { get; private set; }

    public DisputeKind Kind { get; private set; }

    public string Grounds { get; private set; } = string.Empty;

    public NoticeChannel NoticeChannel { get; private set; }

    public DateOnly? NoticeSentOn { get; private set; }

    public DateOnly NotifiedOn { get; private set; }

    public DisputeStatus Status { get; private set; }

    public List<DisputeDeadline> Deadlines { get; private set; } = [];

    public List<DisputeEvent> Events { get; private set; } = [];

    public DateOnly? ExplanationSubmittedOn { get; private set; }

    public string? ExplanationText { get; private set; }

    public DateOnly? AgreedOn { get; private set; }

    public DateOnly? RemediedOn { get; private set; }

    /// <summary>The party that proposed an agreement the other has not accepted yet (an agreement needs both).</summary>
    public ConventionParty? AgreementProposedBy { get; private set; }

    public DateOnly? AgreementProposedOn { get; private set; }

    public string? AgreementProposal { get; private set; }

    /// <summary>The party that accepted the other's proposal, closing the dispute.</summary>
    public ConventionParty? AgreementAcceptedBy { get; private set; }

    /// <summary>Concurrency token: two steps racing on one dispute cannot both apply.</summary>
    public int RowVersion { get; private set; }

    public global::Conventions.BuildingBlocks.Errors.AppException ConcurrentChange() =>
        new ConflictException("dispute.changed", "This dispute was changed by another request at the same time; read it again.");

    public string? ResolutionSummary { get; private set; }

    public DateOnly? TerminationSentOn { get; private set; }

    public string? TerminationTrackingNumber { get; private set; }

    /// <summary>
    /// For an internal-rules breach: the version of the venue's internal rules the partner acknowledged, which the
    /// dispute cites (venue, version, title, SHA-256, who acknowledged it and when).
    /// </summary>
    public Guid? CitedRulesVenueId { get; private set; }

    public string? CitedRulesVenueName { get; private set; }

    public int? CitedRulesVersion { get; private set; }

    public string? CitedRulesTitle { get; private set; }

    public string? CitedRulesSha256 { get; private set; }

    public string? CitedRulesAcknowledgedBy { get; private set; }

    public DateTimeOffset? CitedRulesAcknowledgedAt { get; private set; }

    /// <summary>The next date something is due (a reminder, a deadline passing); null once the dispute is closed.</summary>
    public DateOnly? NextDueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it, or a row it owns, last changed (stamped as changes are saved; seat counts excluded).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public ConventionParty AtFault => RaisedBy == ConventionParty.Operator ? ConventionParty.Partner : ConventionParty.Operator;

    public bool IsOpen => Status is DisputeStatus.AwaitingExplanation or DisputeStatus.TerminationWindowOpen or DisputeStatus.TerminationRightLapsed or DisputeStatus.AwaitingRemedy;

    public static (Dispute Dispute, List<DisputeEffect> Effects) Open(
        ConventionSummary convention, ConventionParty raisedBy, DisputeKind kind, string grounds,
        NoticeChannel channel, DateOnly? sentOn, DateOnly notifiedOn, DateTimeOffset now, HolidayRegion region = HolidayRegion.Metropolitan,
        RulesAcknowledgmentSummary? acknowledgedRules = null)
    {
        if (convention.Status is not (ConventionStatus.Active or ConventionStatus.Suspended))
        {
            throw new ConflictException("convention.not_active", $"A dispute is opened on an active or suspended convention; this one is {BuildingBlocks.Web.JsonDefaults.Kebab(convention.Status)}.");
        }
        if (kind == DisputeKind.InternalRulesBreach && convention.DisputePolicy != DisputePolicy.LapseAfterOneMonth)
        {
            throw new BusinessRuleException("dispute.kind_not_applicable", "Only La Ruche Numérique's convention has internal rules whose breach ends the partnership at once.");
        }
        if (kind == DisputeKind.InternalRulesBreach && raisedBy != ConventionParty.Operator)
        {
            throw new BusinessRuleException("dispute.kind_not_applicable", "The internal rules (art. 3) bind the association: only the venue's operator invokes their breach.");
        }
        if (kind == DisputeKind.InternalRulesBreach && acknowledgedRules is null)
        {
            throw new BusinessRuleException("dispute.internal_rules_not_acknowledged",
                "The partner has acknowledged no version of the venue's internal rules under this convention: publish them and have the partner acknowledge them before invoking their breach.");
        }
        var dispute = new Dispute
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            TemplateKey = convention.TemplateKey,
            OperatorOrganizationId = convention.OperatorOrganizationId,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            Policy = convention.DisputePolicy,
            Region = region,
            RaisedBy = raisedBy,
            Kind = kind,
            Grounds = grounds,
            NoticeChannel = channel,
            NoticeSentOn = sentOn,
            NotifiedOn = notifiedOn,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (kind == DisputeKind.InternalRulesBreach && acknowledgedRules is { } rules)
        {
            dispute.CitedRulesVenueId = rules.VenueId;
            dispute.CitedRulesVenueName = rules.VenueName;
            dispute.CitedRulesVersion = rules.Version;
            dispute.CitedRulesTitle = rules.Title;
            dispute.CitedRulesSha256 = rules.Sha256;
            dispute.CitedRulesAcknowledgedBy = rules.AcknowledgedBy;
            dispute.CitedRulesAcknowledgedAt = rules.AcknowledgedAt;
        }
        var effects = new List<DisputeEffect>();
        dispute.Record(now, "opened", $"Raised by the {Describe(raisedBy)} ({BuildingBlocks.Web.JsonDefaults.Kebab(kind)}), notified on {notifiedOn:yyyy-MM-dd} by {BuildingBlocks.Web.JsonDefaults.Kebab(channel)}{(sentOn is { } s ? $", sent on {s:yyyy-MM-dd}" : string.Empty)}.");

        if (convention.DisputePolicy == DisputePolicy.SuspendExplainTerminate)
        {
            dispute.Status = DisputeStatus.AwaitingExplanation;
            effects.Add(new DisputeEffect(DisputeEffectKind.SuspendConvention, notifiedOn));
            dispute.Record(now, "convention-suspended", $"The partnership is suspended from {notifiedOn:yyyy-MM-dd} (notice by simple letter, art. 6).");
            dispute.AddDeadline(DisputeDeadline.Compute(DeadlineName.Explanation, notifiedOn, FifteenDays, dispute.Region), now, effects);
            effects.Add(new DisputeEffect(DisputeEffectKind.Notice, notifiedOn, "dispute-opened", DeadlineName.Explanation));
        }
        else if (kind == DisputeKind.InternalRulesBreach)
        {
            dispute.Status = DisputeStatus.Terminated;
            effects.Add(new DisputeEffect(DisputeEffectKind.TerminateConvention, notifiedOn));
            dispute.Record(now, "terminated", $"Breach of the internal rules (art. 3), version {dispute.CitedRulesVersion} acknowledged on {dispute.CitedRulesAcknowledgedAt:yyyy-MM-dd} by {dispute.CitedRulesAcknowledgedBy}: the partnership ends at once, on {notifiedOn:yyyy-MM-dd}.");
            effects.Add(new DisputeEffect(DisputeEffectKind.Notice, notifiedOn, "internal-rules-termination"));
        }
        else
        {
            dispute.Status = DisputeStatus.AwaitingRemedy;
            dispute.AddDeadline(DisputeDeadline.Compute(DeadlineName.Lapse, notifiedOn, OneMonth, dispute.Region), now, effects);
            effects.Add(new DisputeEffect(DisputeEffectKind.Notice, notifiedOn, "dysfunction-notified", DeadlineName.Lapse));
        }
        dispute.RecomputeNextDue();
        return (dispute, effects);
    }

    private void AddDeadline(DisputeDeadline deadline, DateTimeOffset now, List<DisputeEffect> effects)
    {
        Deadlines.Add(deadline);
        Record(now, "deadline-set", $"{BuildingBlocks.Web.JsonDefaults.Kebab(deadline.Name)} due on {deadline.DueOn:yyyy-MM-dd}. {deadline.Explanation}");
        effects.Add(new DisputeEffect(DisputeEffectKind.DeadlineSet, deadline.DueOn, Deadline: deadline.Name));
    }

    public DisputeDeadline? Deadline(DeadlineName name) => Deadlines.SingleOrDefault(d => d.Name == name);

    private DisputeDeadline? Current => Status switch
    {
        DisputeStatus.AwaitingExplanation => Deadline(DeadlineName.Explanation),
        DisputeStatus.TerminationWindowOpen => Deadline(DeadlineName.TerminationWindow),
        DisputeStatus.AwaitingRemedy => Deadline(DeadlineName.Lapse),
        _ => null,
    };

    /// <summary>
    /// Applies whatever is due on <paramref name="today"/>: reminders three working days before a deadline, and the
    /// consequence of a deadline that passed, several in a row when needed. Twice on the same day changes nothing.
    /// </summary>
    public List<DisputeEffect> ApplyDue(DateOnly today, DateTimeOffset now)
    {
        var effects = new List<DisputeEffect>();
        while (Current is { } deadline)
        {
            if (today > deadline.DueOn)
            {
                deadline.Passed = true;
                PassDeadline(deadline, now, effects);
                continue;
            }
            if (!deadline.ReminderSent && today >= deadline.ReminderOn)
            {
                deadline.ReminderSent = true;
                Record(now, "reminder", $"{BuildingBlocks.Web.JsonDefaults.Kebab(deadline.Name)} falls due on {deadline.DueOn:yyyy-MM-dd}.");
                effects.Add(new DisputeEffect(DisputeEffectKind.Notice, today, "deadline-reminder", deadline.Name));
            }
            break;
        }
        RecomputeNextDue();
        return effects;
    }

    private void PassDeadline(DisputeDeadline deadline, DateTimeOffset now, List<DisputeEffect> effects)
    {
        var dayAfter = deadline.DueOn.AddDays(1);
        switch (deadline.Name)
        {
            case DeadlineName.Explanation:
                Status = DisputeStatus.TerminationWindowOpen;
                Record(now, "termination-window-opened", $"No agreement by {deadline.DueOn:yyyy-MM-dd}: the {Describe(RaisedBy)} may terminate by registered letter within a new 15-day window.");
                AddDeadline(DisputeDeadline.Compute(DeadlineName.TerminationWindow, deadline.DueOn, FifteenDays, Region), now, effects);
                effects.Add(new DisputeEffect(DisputeEffectKind.Notice, dayAfter, "termination-window-opened", DeadlineName.TerminationWindow));
                break;
            case DeadlineName.TerminationWindow:
                Status = DisputeStatus.TerminationRightLapsed;
                Record(now, "termination-right-lapsed", $"The window closed on {deadline.DueOn:yyyy-MM-dd} unused: the right to terminate lapsed; the partnership stays suspended until an agreement.");
                effects.Add(new DisputeEffect(DisputeEffectKind.Notice, dayAfter, "termination-right-lapsed"));
                break;
            case DeadlineName.Lapse:
                Status = DisputeStatus.ConventionLapsed;
                Record(now, "convention-lapsed", $"No remedy recorded by {deadline.DueOn:yyyy-MM-dd}: the convention lapsed on {dayAfter:yyyy-MM-dd} (art. 6).");
                effects.Add(new DisputeEffect(DisputeEffectKind.LapseConvention, dayAfter));
                effects.Add(new DisputeEffect(DisputeEffectKind.Notice, dayAfter, "convention-lapsed"));
                break;
        }
    }


    private void EnsureNotBeforeNotification(DateOnly date)
    {
        if (date < NotifiedOn)
        {
            throw InvalidInputException.Field("date", $"Must not be before the notification, {NotifiedOn:yyyy-MM-dd}.");
        }
    }

    private void RecomputeNextDue()
    {
        NextDueOn = Current is { } deadline
            ? (deadline.ReminderSent || deadline.ReminderOn > deadline.DueOn ? deadline.DueOn.AddDays(1) : deadline.ReminderOn)
            : null;
    }

    private void Record(DateTimeOffset at, string kind, string detail) => Events.Add(new DisputeEvent { At = at, Kind = kind, Detail = detail });

    public static string Describe(ConventionParty party) => party == ConventionParty.Operator ? "operator" : "partner";
}
