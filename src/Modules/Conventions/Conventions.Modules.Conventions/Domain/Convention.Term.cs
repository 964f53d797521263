namespace Conventions.Modules.Conventions.Domain;

/// <summary>A convention's term as time passes: the fixed term's notice and expiry, tacit yearly renewal and its follow-up committee.</summary>
internal sealed partial class Convention
{
    /// <summary>
    /// Applies whatever is due on <paramref name="today"/>, as many steps in a row as needed (a service down for two
    /// years catches up period by period). Applying it twice on the same day changes nothing the second time.
    /// </summary>
    public IReadOnlyList<ConventionEffect> ApplyDue(DateOnly today, DateTimeOffset now)
    {
        var effects = new List<ConventionEffect>();
        if (Status == ConventionStatus.Signed && today >= StartsOn)
        {
            effects.Add(Activate(today, now));
        }
        if (Status is ConventionStatus.Active or ConventionStatus.Suspended)
        {
            if (RenewalPolicy == RenewalPolicy.None)
            {
                ApplyFixedTerm(today, now, effects);
            }
            else
            {
                ApplyTacitRenewal(today, now, effects);
            }
        }
        RecomputeNextDue();
        return effects;
    }

    private void ApplyFixedTerm(DateOnly today, DateTimeOffset now, List<ConventionEffect> effects)
    {
        if (today > EndsOn)
        {
            Expire(EndsOn.AddDays(1), now, "The fixed term ended.", TermBasis.FixedTerm, effects);
            return;
        }
        if (today >= EndNoticeDate && EndNoticeSentFor != EndsOn)
        {
            EndNoticeSentFor = EndsOn;
            Record(now, "end-of-term-notice", $"Notice that the convention ends on {EndsOn:yyyy-MM-dd}.");
            effects.Add(new ConventionEffect(EffectKind.EndOfTermNotice, today, PeriodStartsOn, EndsOn));
        }
    }

    private void ApplyTacitRenewal(DateOnly today, DateTimeOffset now, List<ConventionEffect> effects)
    {
        while (today > PeriodEndsOn)
        {
            var basis = RenewalBasis(DecisionFor(PeriodEndsOn));
            if (basis == TermBasis.CommitteeRefused)
            {
                Expire(PeriodEndsOn.AddDays(1), now, "The follow-up committee decided not to renew.", basis, effects);
                return;
            }
            if (basis == TermBasis.PartnerDeclined)
            {
                Expire(PeriodEndsOn.AddDays(1), now, "The partner did not agree to the committee's renewal.", basis, effects);
                return;
            }
            PeriodStartsOn = PeriodEndsOn.AddDays(1);
            PeriodEndsOn = PeriodStartsOn.AddYears(1).AddDays(-1);
            Renewals++;
            Record(now, "renewed", basis switch
            {
                TermBasis.Agreed => $"Renewed for {PeriodStartsOn:yyyy-MM-dd} to {PeriodEndsOn:yyyy-MM-dd}, as both parties agreed at the follow-up committee.",
                TermBasis.TacitUnconfirmed => $"Renewed tacitly for {PeriodStartsOn:yyyy-MM-dd} to {PeriodEndsOn:yyyy-MM-dd}: the partner had not confirmed the committee's decision.",
                _ => $"Renewed tacitly for {PeriodStartsOn:yyyy-MM-dd} to {PeriodEndsOn:yyyy-MM-dd}.",
            });
            effects.Add(new ConventionEffect(EffectKind.Renewed, PeriodStartsOn, PeriodStartsOn, PeriodEndsOn, basis));
        }
        if (today >= LastQuarterStartsOn && CommitteeReminderSentFor != PeriodEndsOn && !HasCommitteeFor(PeriodEndsOn))
        {
            CommitteeReminderSentFor = PeriodEndsOn;
            Record(now, "committee-reminder", $"No follow-up committee scheduled for the period ending {PeriodEndsOn:yyyy-MM-dd}.");
            effects.Add(new ConventionEffect(EffectKind.CommitteeReminder, today, PeriodStartsOn, PeriodEndsOn));
        }
    }

    /// <summary>
    /// How a tacitly renewed period ends (article 1: renewed "par tacite reconduction, après accord respectif des deux
    /// parties dans le cadre de la tenue d'un comité de suivi"). Without a decision, the tacit rule renews. A decision not
    /// to renew ends the convention: renewal needs both parties' agreement and the operator withheld its own. A decision
    /// to renew stands once the partner agrees, ends the convention if the partner withholds its agreement, and without
    /// the partner's answer the tacit rule applies, as the notice then says.
    /// </summary>
    public static TermBasis RenewalBasis(Committee? decision) => decision switch
    {
        null or { Renew: null } => TermBasis.Tacit,
        { Renew: false } => TermBasis.CommitteeRefused,
        { PartnerAgrees: true } => TermBasis.Agreed,
        { PartnerAgrees: false } => TermBasis.PartnerDeclined,
        _ => TermBasis.TacitUnconfirmed,
    };

    private void Expire(DateOnly on, DateTimeOffset now, string reason, TermBasis basis, List<ConventionEffect> effects)
    {
        Status = ConventionStatus.Expired;
        Record(now, "expired", $"Expired on {on:yyyy-MM-dd}: {reason}");
        effects.Add(new ConventionEffect(EffectKind.Expired, on, PeriodStartsOn, PeriodEndsOn, basis));
    }

    /// <summary>One month before the end of a fixed term (the same day number, or the month's last day).</summary>
    public DateOnly EndNoticeDate => EndsOn.AddMonths(-1);

    /// <summary>The first day of the current period's last quarter.</summary>
    public DateOnly LastQuarterStartsOn => PeriodStartsOn.AddMonths(9);

    /// <summary>
    /// The end of the next period once the committee decided to renew the current one and the partner has not withheld
    /// its agreement (null otherwise): what permanences may already be planned into.
    /// </summary>
    public DateOnly? RenewedPeriodEndsOn =>
        RenewalBasis(DecisionFor(PeriodEndsOn)) is TermBasis.Agreed or TermBasis.TacitUnconfirmed
            ? PeriodEndsOn.AddYears(1)
            : null;

    private Committee? DecisionFor(DateOnly periodEndsOn) =>
        Committees.Where(c => c.PeriodEndsOn == periodEndsOn && c.Renew is not null).OrderBy(c => c.DecidedAt).LastOrDefault();

    public bool HasCommitteeFor(DateOnly periodEndsOn) => Committees.Any(c => c.PeriodEndsOn == periodEndsOn);

    public Committee ScheduleCommittee(DateOnly meetsOn, DateTimeOffset now)
    {
        if (RenewalPolicy != RenewalPolicy.TacitYearly)
        {
            throw new BusinessRuleException("committee.not_applicable", "Only a tacitly renewed convention holds a follow-up committee.");
        }
        if (Status is not (ConventionStatus.Active or ConventionStatus.Suspended or ConventionStatus.Signed))
        {
            throw new ConflictException("convention.not_active", $"This convention is {Describe(Status)}.");
        }
        if (meetsOn < LastQuarterStartsOn || meetsOn > PeriodEndsOn)
        {
            throw new BusinessRuleException("committee.outside_last_quarter",
                $"The follow-up committee meets during the last quarter of the current period: from {LastQuarterStartsOn:yyyy-MM-dd} to {PeriodEndsOn:yyyy-MM-dd}.");
        }
        var committee = new Committee { Id = Guid.NewGuid(), ConventionId = Id, MeetsOn = meetsOn, PeriodEndsOn = PeriodEndsOn };
        Committees.Add(committee);
        Record(now, "committee-scheduled", $"Follow-up committee on {meetsOn:yyyy-MM-dd} for the period ending {PeriodEndsOn:yyyy-MM-dd}.");
        RecomputeNextDue();
        return committee;
    }

    public Committee RecordDecision(Guid committeeId, bool renew, string minutes, DateOnly today, DateTimeOffset now, Guid? credentialId = null)
    {
        var committee = Committees.SingleOrDefault(c => c.Id == committeeId) ?? throw NotFoundException.For("committee", committeeId);
        if (committee.Renew is not null)
        {
            throw new ConflictException("committee.already_decided", "This committee's decision is already recorded.");
        }
        if (today < committee.MeetsOn)
        {
            throw new BusinessRuleException("committee.not_yet_held", $"The committee meets on {committee.MeetsOn:yyyy-MM-dd}; record its decision once held.");
        }
        if (committee.PeriodEndsOn != PeriodEndsOn || IsEnded)
        {
            throw new ConflictException("committee.period_over", "The period this committee was to decide on is over.");
        }
        committee.Renew = renew;
        committee.Minutes = minutes;
        committee.DecidedAt = now;
        Record(now, "committee-decision", renew
            ? $"The follow-up committee agreed to renew after {PeriodEndsOn:yyyy-MM-dd}; the partner is asked to confirm."
            : $"The follow-up committee decided not to renew: the convention expires after {PeriodEndsOn:yyyy-MM-dd}.", credentialId);
        return committee;
    }

    /// <summary>
    /// The partner's answer to a recorded decision, before the period it decides on ends: agreeing makes a renewal one
    /// "après accord des deux parties"; withholding agreement from a renewal ends the convention with the period.
    /// Answered once.
    /// </summary>
    public Committee AnswerDecision(Guid committeeId, bool agrees, string? comment, Guid? credentialId, DateOnly today, DateTimeOffset now)
    {
        var committee = Committees.SingleOrDefault(c => c.Id == committeeId) ?? throw NotFoundException.For("committee", committeeId);
        if (committee.Renew is null)
        {
            throw new ConflictException("committee.not_decided", "The operator has not recorded this committee's decision yet.");
        }
        if (committee.PartnerAgrees is not null)
        {
            throw new ConflictException("committee.already_answered", $"The partner already answered this decision on {committee.PartnerAnsweredAt:yyyy-MM-dd}.");
        }
        if (committee.PeriodEndsOn != PeriodEndsOn || IsEnded || today > committee.PeriodEndsOn)
        {
            throw new ConflictException("committee.period_over", "The period this committee was to decide on is over.");
        }
        committee.PartnerAgrees = agrees;
        committee.PartnerComment = comment;
        committee.PartnerAnsweredAt = now;
        committee.PartnerAnsweredBy = credentialId;
        Record(now, "committee-answer", (agrees, committee.Renew) switch
        {
            (true, true) => $"The partner confirmed the committee's decision: renewed after {PeriodEndsOn:yyyy-MM-dd} by agreement of both parties.",
            (true, _) => $"The partner acknowledged the committee's decision not to renew after {PeriodEndsOn:yyyy-MM-dd}.",
            (false, true) => $"The partner did not agree to renew: the convention expires after {PeriodEndsOn:yyyy-MM-dd}.",
            (false, _) => $"The partner contested the committee's decision not to renew; the convention still expires after {PeriodEndsOn:yyyy-MM-dd}.",
        }, credentialId);
        return committee;
    }
}
