using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.LegalCalendar;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;

namespace Conventions.Modules.Disputes.Domain;

internal enum DisputeKind
{
    Breach,
    InternalRulesBreach,
}

internal enum NoticeChannel
{
    SimpleLetter,
    RegisteredLetter,
    Email,
    HandDelivered,
}

internal enum DeadlineName
{
    Explanation,
    TerminationWindow,
    Lapse,
}

/// <summary>A legal deadline of the dispute, stored with how it was computed.</summary>
internal sealed class DisputeDeadline
{
    public DeadlineName Name { get; set; }

    public DateOnly StartsFrom { get; set; }

    public string Period { get; set; } = string.Empty;

    public DateOnly NominalDueOn { get; set; }

    public DateOnly DueOn { get; set; }

    public string Explanation { get; set; } = string.Empty;

    /// <summary>Three working days before the due date: a reminder goes to both parties.</summary>
    public DateOnly ReminderOn { get; set; }

    public bool ReminderSent { get; set; }

    /// <summary>The deadline fell due and its consequence was applied.</summary>
    public bool Passed { get; set; }

    public static DisputeDeadline Compute(DeadlineName name, DateOnly from, LegalPeriod period)
    {
        var deadline = LegalDeadlines.Compute(from, period);
        return new DisputeDeadline
        {
            Name = name,
            StartsFrom = from,
            Period = period.ToString(),
            NominalDueOn = deadline.NominalDueOn,
            DueOn = deadline.DueOn,
            Explanation = deadline.Explanation,
            ReminderOn = LegalDeadlines.WorkingDaysBefore(deadline.DueOn, 3),
        };
    }
}

internal sealed class DisputeEvent
{
    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;
}

/// <summary>A side effect of a dispute step: a convention status change, a notice, a timer.</summary>
internal enum DisputeEffectKind
{
    SuspendConvention,
    ReinstateConvention,
    TerminateConvention,
    LapseConvention,
    DeadlineSet,
    Notice,
}

internal sealed record DisputeEffect(DisputeEffectKind Kind, DateOnly On, string? NoticeKind = null, DeadlineName? Deadline = null);

/// <summary>
/// A dispute between the parties of a convention (dénonciation / mise en cause). Its procedure comes from the
/// convention's dispute policy; its deadlines start from the date the notice reached the other party and are computed
/// as the Code de procédure civile computes them. Every step is a dated event.
/// </summary>
internal sealed class Dispute : global::Conventions.BuildingBlocks.Persistence.IConcurrencyChecked
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

    /// <summary>The next date something is due (a reminder, a deadline passing); null once the dispute is closed.</summary>
    public DateOnly? NextDueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public ConventionParty AtFault => RaisedBy == ConventionParty.Operator ? ConventionParty.Partner : ConventionParty.Operator;

    public bool IsOpen => Status is DisputeStatus.AwaitingExplanation or DisputeStatus.TerminationWindowOpen or DisputeStatus.TerminationRightLapsed or DisputeStatus.AwaitingRemedy;

    public static (Dispute Dispute, List<DisputeEffect> Effects) Open(
        ConventionSummary convention, ConventionParty raisedBy, DisputeKind kind, string grounds,
        NoticeChannel channel, DateOnly? sentOn, DateOnly notifiedOn, DateTimeOffset now)
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
        var dispute = new Dispute
        {
            Id = Guid.NewGuid(),
            ConventionId = convention.Id,
            TemplateKey = convention.TemplateKey,
            OperatorOrganizationId = convention.OperatorOrganizationId,
            PartnerOrganizationId = convention.PartnerOrganizationId,
            Policy = convention.DisputePolicy,
            RaisedBy = raisedBy,
            Kind = kind,
            Grounds = grounds,
            NoticeChannel = channel,
            NoticeSentOn = sentOn,
            NotifiedOn = notifiedOn,
            CreatedAt = now,
        };
        var effects = new List<DisputeEffect>();
        dispute.Record(now, "opened", $"Raised by the {Describe(raisedBy)} ({BuildingBlocks.Web.JsonDefaults.Kebab(kind)}), notified on {notifiedOn:yyyy-MM-dd} by {BuildingBlocks.Web.JsonDefaults.Kebab(channel)}{(sentOn is { } s ? $", sent on {s:yyyy-MM-dd}" : string.Empty)}.");

        if (convention.DisputePolicy == DisputePolicy.SuspendExplainTerminate)
        {
            dispute.Status = DisputeStatus.AwaitingExplanation;
            effects.Add(new DisputeEffect(DisputeEffectKind.SuspendConvention, notifiedOn));
            dispute.Record(now, "convention-suspended", $"The partnership is suspended from {notifiedOn:yyyy-MM-dd} (notice by simple letter, art. 6).");
            dispute.AddDeadline(DisputeDeadline.Compute(DeadlineName.Explanation, notifiedOn, FifteenDays), now, effects);
            effects.Add(new DisputeEffect(DisputeEffectKind.Notice, notifiedOn, "dispute-opened", DeadlineName.Explanation));
        }
        else if (kind == DisputeKind.InternalRulesBreach)
        {
            dispute.Status = DisputeStatus.Terminated;
            effects.Add(new DisputeEffect(DisputeEffectKind.TerminateConvention, notifiedOn));
            dispute.Record(now, "terminated", $"Breach of the internal rules (art. 3): the partnership ends at once, on {notifiedOn:yyyy-MM-dd}.");
            effects.Add(new DisputeEffect(DisputeEffectKind.Notice, notifiedOn, "internal-rules-termination"));
        }
        else
        {
            dispute.Status = DisputeStatus.AwaitingRemedy;
            dispute.AddDeadline(DisputeDeadline.Compute(DeadlineName.Lapse, notifiedOn, OneMonth), now, effects);
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
                AddDeadline(DisputeDeadline.Compute(DeadlineName.TerminationWindow, deadline.DueOn, FifteenDays), now, effects);
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

    public List<DisputeEffect> SubmitExplanation(DateOnly submittedOn, string text, DateTimeOffset now)
    {
        if (Status != DisputeStatus.AwaitingExplanation)
        {
            throw new ConflictException(Policy == DisputePolicy.SuspendExplainTerminate ? "dispute.deadline_passed" : "dispute.wrong_step",
                Policy == DisputePolicy.SuspendExplainTerminate
                    ? $"The explanation deadline ({Deadline(DeadlineName.Explanation)!.DueOn:yyyy-MM-dd}) is over: this dispute is {BuildingBlocks.Web.JsonDefaults.Kebab(Status)}."
                    : "This procedure takes no explanation: record the remedy instead.");
        }
        EnsureNotBeforeNotification(submittedOn);
        var deadline = Deadline(DeadlineName.Explanation)!;
        if (submittedOn > deadline.DueOn)
        {
            throw new ConflictException("dispute.deadline_passed", $"The explanation was due by {deadline.DueOn:yyyy-MM-dd}.");
        }
        ExplanationSubmittedOn = submittedOn;
        ExplanationText = text;
        Record(now, "explanation-submitted", $"Explanation from the {Describe(AtFault)} submitted on {submittedOn:yyyy-MM-dd}.");
        return [new DisputeEffect(DisputeEffectKind.Notice, submittedOn, "explanation-received")];
    }

    /// <summary>
    /// A party records its agreement. An agreement ends the dispute only when both parties have recorded it: the first
    /// records a proposal (nothing else changes), the other party's agreement accepts it, resolves the dispute and
    /// reinstates the convention.
    /// </summary>
    public List<DisputeEffect> RecordAgreement(ConventionParty party, DateOnly agreedOn, string summary, DateTimeOffset now)
    {
        if (Policy != DisputePolicy.SuspendExplainTerminate || Status is not (DisputeStatus.AwaitingExplanation or DisputeStatus.TerminationWindowOpen or DisputeStatus.TerminationRightLapsed))
        {
            throw new ConflictException("dispute.wrong_step",
                Policy != DisputePolicy.SuspendExplainTerminate
                    ? "This procedure closes when the dysfunction is remedied: record the remedy."
                    : $"This dispute is {BuildingBlocks.Web.JsonDefaults.Kebab(Status)}: no agreement can be recorded.");
        }
        EnsureNotBeforeNotification(agreedOn);
        if (AgreementProposedBy is null)
        {
            AgreementProposedBy = party;
            AgreementProposedOn = agreedOn;
            AgreementProposal = summary;
            Record(now, "agreement-proposed", $"The {Describe(party)} recorded its agreement on {agreedOn:yyyy-MM-dd}; the {Describe(Other(party))} has yet to record its own.");
            return [];
        }
        if (AgreementProposedBy == party)
        {
            throw new ConflictException("dispute.agreement_already_proposed", $"The {Describe(party)} already recorded its agreement; the {Describe(Other(party))} must record its own.");
        }
        if (agreedOn < AgreementProposedOn)
        {
            throw new BusinessRuleException("dispute.agreement_before_proposal", $"The agreement was proposed on {AgreementProposedOn:yyyy-MM-dd}: it is accepted on or after that date.");
        }
        AgreementAcceptedBy = party;
        AgreedOn = agreedOn;
        var agreed = AgreementProposal == summary ? summary : $"{AgreementProposal}\n{summary}";
        ResolutionSummary = agreed.Length > 4000 ? agreed[..4000] : agreed;
        Status = DisputeStatus.Resolved;
        Record(now, "agreement", $"Agreement proposed by the {Describe(Other(party))} on {AgreementProposedOn:yyyy-MM-dd} and accepted by the {Describe(party)} on {agreedOn:yyyy-MM-dd}: the partnership resumes.");
        RecomputeNextDue();
        return
        [
            new DisputeEffect(DisputeEffectKind.ReinstateConvention, agreedOn),
            new DisputeEffect(DisputeEffectKind.Notice, agreedOn, "resolved"),
        ];
    }

    /// <summary>The party that proposed an agreement withdraws it before the other accepted.</summary>
    public void WithdrawAgreement(ConventionParty party, DateTimeOffset now)
    {
        if (!IsOpen || AgreementProposedBy != party)
        {
            throw new ConflictException("dispute.no_agreement_to_withdraw", $"The {Describe(party)} has no pending agreement on this dispute.");
        }
        AgreementProposedBy = null;
        AgreementProposedOn = null;
        AgreementProposal = null;
        Record(now, "agreement-withdrawn", $"The {Describe(party)} withdrew its agreement.");
    }

    public static ConventionParty Other(ConventionParty party) => party == ConventionParty.Operator ? ConventionParty.Partner : ConventionParty.Operator;

    public List<DisputeEffect> Terminate(DateOnly sentOn, string trackingNumber, DateTimeOffset now)
    {
        var window = Deadline(DeadlineName.TerminationWindow);
        if (Policy != DisputePolicy.SuspendExplainTerminate)
        {
            throw new ConflictException("dispute.wrong_step", "This procedure ends by lapse, not by termination.");
        }
        if (Status != DisputeStatus.TerminationWindowOpen || window is null || sentOn <= window.StartsFrom || sentOn > window.DueOn)
        {
            var explanation = Deadline(DeadlineName.Explanation)!;
            var bounds = window is null
                ? $"The window opens after the explanation deadline, from {explanation.DueOn.AddDays(1):yyyy-MM-dd}."
                : $"The window runs from {window.StartsFrom.AddDays(1):yyyy-MM-dd} to {window.DueOn:yyyy-MM-dd}.";
            throw new ConflictException("dispute.outside_termination_window", $"Termination by registered letter is possible only inside the termination window. {bounds}");
        }
        TerminationSentOn = sentOn;
        TerminationTrackingNumber = trackingNumber;
        Status = DisputeStatus.Terminated;
        Record(now, "terminated", $"Terminated by the {Describe(RaisedBy)} by registered letter sent on {sentOn:yyyy-MM-dd} (tracking {trackingNumber}).");
        RecomputeNextDue();
        return
        [
            new DisputeEffect(DisputeEffectKind.TerminateConvention, sentOn),
            new DisputeEffect(DisputeEffectKind.Notice, sentOn, "terminated"),
        ];
    }

    public List<DisputeEffect> RecordRemedy(DateOnly remediedOn, string summary, DateTimeOffset now)
    {
        if (Status != DisputeStatus.AwaitingRemedy)
        {
            throw new ConflictException(Status == DisputeStatus.ConventionLapsed ? "dispute.deadline_passed" : "dispute.wrong_step",
                Status == DisputeStatus.ConventionLapsed
                    ? "The month after notification is over: the convention has lapsed."
                    : $"This dispute is {BuildingBlocks.Web.JsonDefaults.Kebab(Status)}: it awaits no remedy.");
        }
        EnsureNotBeforeNotification(remediedOn);
        var deadline = Deadline(DeadlineName.Lapse)!;
        if (remediedOn > deadline.DueOn)
        {
            throw new ConflictException("dispute.deadline_passed", $"The dysfunction had to be remedied by {deadline.DueOn:yyyy-MM-dd}.");
        }
        RemediedOn = remediedOn;
        ResolutionSummary = summary;
        Status = DisputeStatus.Resolved;
        Record(now, "remedied", $"Dysfunction remedied on {remediedOn:yyyy-MM-dd}: the convention continues.");
        RecomputeNextDue();
        return [new DisputeEffect(DisputeEffectKind.Notice, remediedOn, "remedied")];
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
