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
            Expire(EndsOn.AddDays(1), now, "The fixed term ended.", effects);
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
            var decision = Committees.Where(c => c.PeriodEndsOn == PeriodEndsOn && c.Renew is not null).OrderBy(c => c.DecidedAt).LastOrDefault();
            if (decision?.Renew == false)
            {
                Expire(PeriodEndsOn.AddDays(1), now, "The follow-up committee decided not to renew.", effects);
                return;
            }
            PeriodStartsOn = PeriodEndsOn.AddDays(1);
            PeriodEndsOn = PeriodStartsOn.AddYears(1).AddDays(-1);
            Renewals++;
            Record(now, "renewed", $"Renewed tacitly for {PeriodStartsOn:yyyy-MM-dd} to {PeriodEndsOn:yyyy-MM-dd}.");
            effects.Add(new ConventionEffect(EffectKind.Renewed, PeriodStartsOn, PeriodStartsOn, PeriodEndsOn));
        }
        if (today >= LastQuarterStartsOn && CommitteeReminderSentFor != PeriodEndsOn && !HasCommitteeFor(PeriodEndsOn))
        {
            CommitteeReminderSentFor = PeriodEndsOn;
            Record(now, "committee-reminder", $"No follow-up committee scheduled for the period ending {PeriodEndsOn:yyyy-MM-dd}.");
            effects.Add(new ConventionEffect(EffectKind.CommitteeReminder, today, PeriodStartsOn, PeriodEndsOn));
        }
    }

    private void Expire(DateOnly on, DateTimeOffset now, string reason, List<ConventionEffect> effects)
    {
        Status = ConventionStatus.Expired;
        Record(now, "expired", $"Expired on {on:yyyy-MM-dd}: {reason}");
        effects.Add(new ConventionEffect(EffectKind.Expired, on, PeriodStartsOn, PeriodEndsOn));
    }

    /// <summary>One month before the end of a fixed term (the same day number, or the month's last day).</summary>
    public DateOnly EndNoticeDate => EndsOn.AddMonths(-1);

    /// <summary>The first day of the current period's last quarter.</summary>
    public DateOnly LastQuarterStartsOn => PeriodStartsOn.AddMonths(9);

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

    public Committee RecordDecision(Guid committeeId, bool renew, string minutes, DateOnly today, DateTimeOffset now)
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
            ? $"The follow-up committee agreed to renew after {PeriodEndsOn:yyyy-MM-dd}."
            : $"The follow-up committee decided not to renew: the convention expires after {PeriodEndsOn:yyyy-MM-dd}.");
        return committee;
    }
}
