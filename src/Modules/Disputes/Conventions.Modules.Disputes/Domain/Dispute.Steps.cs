using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Disputes.Domain;

/// <summary>The steps the parties take on an open dispute: explanation, agreement by both parties, termination, remedy.</summary>
internal sealed partial class Dispute
{
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
}
