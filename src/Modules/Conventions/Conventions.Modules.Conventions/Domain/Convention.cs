using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Conventions.Domain;

internal sealed class Signatory
{
    public string FullName { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}

/// <summary>A party's signature: who signed, with what title, where and when.</summary>
internal sealed class Signature
{
    public ConventionParty Party { get; set; }

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A dated entry of the convention's history.</summary>
internal sealed class ConventionEvent
{
    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;
}

/// <summary>A follow-up committee of a tacitly renewed convention, held by the operator in the period's last quarter.</summary>
internal sealed class Committee
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public DateOnly MeetsOn { get; set; }

    /// <summary>The end of the period the committee decides on.</summary>
    public DateOnly PeriodEndsOn { get; set; }

    /// <summary>Null until the decision is recorded.</summary>
    public bool? Renew { get; set; }

    public string? Minutes { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>What the renewals sweep did to a convention: a status change, a renewal or a notice to send.</summary>
internal enum EffectKind
{
    Activated,
    EndOfTermNotice,
    Expired,
    CommitteeReminder,
    Renewed,
}

internal sealed record ConventionEffect(EffectKind Kind, DateOnly On, DateOnly? PeriodStartsOn = null, DateOnly? PeriodEndsOn = null);

/// <summary>
/// A convention between an operator and a partner, from its draft to its end. The document is frozen (with its SHA-256)
/// when sent for signature and never changes; any later change goes through an amendment. Term, renewal and notices
/// are data: <see cref="NextDueOn"/> is the next date the renewals sweep has something to do.
/// </summary>
internal sealed class Convention : global::Conventions.BuildingBlocks.Persistence.IConcurrencyChecked
{
    private Convention()
    {
    }

    public Guid Id { get; private set; }

    public string TemplateKey { get; private set; } = string.Empty;

    public Guid OperatorOrganizationId { get; private set; }

    public Guid PartnerOrganizationId { get; private set; }

    public ConventionStatus Status { get; private set; }

    public RenewalPolicy RenewalPolicy { get; private set; }

    public DisputePolicy DisputePolicy { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateOnly PeriodStartsOn { get; private set; }

    public DateOnly PeriodEndsOn { get; private set; }

    public int Renewals { get; private set; }

    public string Place { get; private set; } = string.Empty;

    public Signatory OperatorSignatory { get; private set; } = new();

    public Signatory PartnerSignatory { get; private set; } = new();

    public Dictionary<string, string> Variables { get; private set; } = [];

    public int Version { get; private set; }

    /// <summary>
    /// Concurrency token (not the document's <see cref="Version"/>): a change racing another on the same row (a PATCH
    /// and the freeze of send-for-signature, two signatures) commits only if the row is still as it was read.
    /// </summary>
    public int RowVersion { get; private set; }

    public AppException ConcurrentChange() => Status == ConventionStatus.Draft
        ? new ConflictException("convention.frozen", "This draft was sent for signature (or changed) by another request at the same time: read it again; a frozen document changes only by amendment.")
        : new ConflictException("convention.changed", "This convention was changed by another request at the same time; read it again.");

    public string? DocumentHtml { get; private set; }

    public string? DocumentSha256 { get; private set; }

    public DateTimeOffset? FrozenAt { get; private set; }

    public List<Signature> Signatures { get; private set; } = [];

    public List<ConventionEvent> History { get; private set; } = [];

    public List<Committee> Committees { get; private set; } = [];

    /// <summary>The end date whose one-month notice went out (fixed term).</summary>
    public DateOnly? EndNoticeSentFor { get; private set; }

    /// <summary>The period end whose Q4 committee reminder went out (tacit renewal).</summary>
    public DateOnly? CommitteeReminderSentFor { get; private set; }

    /// <summary>The next date something is due (activation, notice, expiry, renewal); null when nothing ever will be.</summary>
    public DateOnly? NextDueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsFrozen => Status != ConventionStatus.Draft;

    public bool IsEnded => Status is ConventionStatus.Terminated or ConventionStatus.Expired or ConventionStatus.Lapsed;

    public static Convention Draft(
        ConventionTemplate template, Guid operatorId, Guid partnerId, DateOnly startsOn, DateOnly endsOn, string place,
        Signatory operatorSignatory, Signatory partnerSignatory, IReadOnlyDictionary<string, string> variables, DateTimeOffset now, Guid? id = null)
    {
        var convention = new Convention
        {
            Id = id ?? Guid.NewGuid(),
            TemplateKey = template.Key,
            OperatorOrganizationId = operatorId,
            PartnerOrganizationId = partnerId,
            Status = ConventionStatus.Draft,
            RenewalPolicy = template.RenewalPolicy,
            DisputePolicy = template.DisputePolicy,
            Place = place,
            OperatorSignatory = operatorSignatory,
            PartnerSignatory = partnerSignatory,
            Variables = new Dictionary<string, string>(variables),
            Version = 1,
            CreatedAt = now,
        };
        convention.SetTerm(startsOn, endsOn);
        convention.Record(now, "drafted", $"Drafted from {template.Key}.");
        return convention;
    }

    /// <summary>Changes a draft. A frozen convention changes only through an amendment.</summary>
    public void EditDraft(DateOnly startsOn, DateOnly endsOn, string place, Signatory operatorSignatory, Signatory partnerSignatory, IReadOnlyDictionary<string, string> variables, DateTimeOffset now)
    {
        EnsureDraft();
        SetTerm(startsOn, endsOn);
        Place = place;
        OperatorSignatory = operatorSignatory;
        PartnerSignatory = partnerSignatory;
        Variables = new Dictionary<string, string>(variables);
        Record(now, "edited", "Draft edited.");
    }

    public void EnsureDraft()
    {
        if (IsFrozen)
        {
            throw new ConflictException("convention.frozen", "The convention was sent for signature: its document is frozen. Change it through an amendment.");
        }
    }

    private void SetTerm(DateOnly startsOn, DateOnly endsOn)
    {
        StartsOn = startsOn;
        EndsOn = endsOn;
        PeriodStartsOn = startsOn;
        PeriodEndsOn = endsOn;
    }

    /// <summary>Freezes the rendered document and its hash: from now on it never changes.</summary>
    public void SendForSignature(RenderedDocument document, DateTimeOffset now)
    {
        if (Status != ConventionStatus.Draft)
        {
            throw new ConflictException("convention.wrong_step", $"Only a draft is sent for signature; this convention is {Describe(Status)}.");
        }
        DocumentHtml = document.Html;
        DocumentSha256 = document.Sha256;
        FrozenAt = now;
        Status = ConventionStatus.AwaitingSignatures;
        Record(now, "sent-for-signature", $"Document frozen, SHA-256 {document.Sha256}.");
    }

    /// <summary>
    /// Records a party's signature. When both parties have signed, the convention is active at once if its term has
    /// started, otherwise signed until its start date.
    /// </summary>
    public ConventionEffect? Sign(ConventionParty party, string name, string title, string place, DateOnly signedOn, DateOnly today, DateTimeOffset now)
    {
        if (Status != ConventionStatus.AwaitingSignatures)
        {
            throw new ConflictException("convention.not_awaiting_signatures",
                Status == ConventionStatus.Draft
                    ? "A draft cannot be signed: send it for signature first."
                    : $"This convention is {Describe(Status)}: it takes no more signatures.");
        }
        if (Signatures.Any(s => s.Party == party))
        {
            throw new ConflictException("convention.already_signed", $"The {Describe(party)} has already signed.");
        }
        Signatures.Add(new Signature { Party = party, SignatoryName = name, SignatoryTitle = title, Place = place, SignedOn = signedOn, RecordedAt = now });
        Record(now, "signed", $"Signed for the {Describe(party)} by {name}, {title}, at {place} on {signedOn:yyyy-MM-dd}.");
        if (Signatures.Count < 2)
        {
            return null;
        }
        Status = ConventionStatus.Signed;
        Record(now, "signed-by-both", "Signed by both parties.");
        ConventionEffect? effect = null;
        if (today >= StartsOn)
        {
            effect = Activate(today, now);
        }
        RecomputeNextDue();
        return effect;
    }

    private ConventionEffect Activate(DateOnly today, DateTimeOffset now)
    {
        Status = ConventionStatus.Active;
        Record(now, "activated", $"Active from {Max(StartsOn, today):yyyy-MM-dd}.");
        return new ConventionEffect(EffectKind.Activated, Max(StartsOn, today));
    }

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

    /// <summary>Status changes applied by the dispute workflow. Returns false when already in the target status (no-op).</summary>
    public bool ChangeStatus(ConventionChange change, string reason, DateOnly effectiveOn, DateTimeOffset now)
    {
        var (allowedFrom, target) = change switch
        {
            ConventionChange.Suspended => (new[] { ConventionStatus.Active }, ConventionStatus.Suspended),
            ConventionChange.Reinstated => (new[] { ConventionStatus.Suspended }, ConventionStatus.Active),
            ConventionChange.Terminated => (new[] { ConventionStatus.Active, ConventionStatus.Suspended }, ConventionStatus.Terminated),
            ConventionChange.Lapsed => (new[] { ConventionStatus.Active, ConventionStatus.Suspended }, ConventionStatus.Lapsed),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a change the dispute workflow applies."),
        };
        if (Status == target)
        {
            return false;
        }
        if (!allowedFrom.Contains(Status))
        {
            throw new ConflictException("convention.not_active", $"This convention is {Describe(Status)}: it cannot be {change.ToString().ToLowerInvariant()}.");
        }
        Status = target;
        Record(now, change.ToString().ToLowerInvariant(), $"{change} on {effectiveOn:yyyy-MM-dd}: {reason}");
        RecomputeNextDue();
        return true;
    }

    /// <summary>Applies a signed amendment: version + 1, the new term or variables in force.</summary>
    public void ApplyAmendment(int number, DateOnly? endsOn, IReadOnlyDictionary<string, string> variables, DateTimeOffset now)
    {
        if (endsOn is { } newEnd)
        {
            EndsOn = newEnd;
            if (RenewalPolicy == RenewalPolicy.None)
            {
                PeriodEndsOn = newEnd;
            }
        }
        foreach (var (key, value) in variables)
        {
            Variables[key] = value;
        }
        Version++;
        Record(now, "amendment-applied", $"Amendment no. {number} applied: version {Version}.");
        RecomputeNextDue();
    }

    public void EnsureAmendable()
    {
        if (Status is not (ConventionStatus.Signed or ConventionStatus.Active or ConventionStatus.Suspended))
        {
            throw new ConflictException("convention.not_amendable",
                Status == ConventionStatus.Draft
                    ? "A draft is changed directly; amendments are for signed conventions."
                    : $"This convention is {Describe(Status)}: it cannot be amended.");
        }
    }

    private void RecomputeNextDue()
    {
        NextDueOn = Status switch
        {
            ConventionStatus.Signed => StartsOn,
            ConventionStatus.Active or ConventionStatus.Suspended when RenewalPolicy == RenewalPolicy.None =>
                EndNoticeSentFor == EndsOn ? EndsOn.AddDays(1) : Min(EndNoticeDate, EndsOn.AddDays(1)),
            ConventionStatus.Active or ConventionStatus.Suspended =>
                CommitteeReminderSentFor == PeriodEndsOn || HasCommitteeFor(PeriodEndsOn)
                    ? PeriodEndsOn.AddDays(1)
                    : Min(LastQuarterStartsOn, PeriodEndsOn.AddDays(1)),
            _ => null,
        };
    }

    public void Record(DateTimeOffset at, string kind, string detail) =>
        History.Add(new ConventionEvent { At = at, Kind = kind, Detail = detail });

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static string Describe(ConventionStatus status) => BuildingBlocks.Web.JsonDefaults.Kebab(status);

    public static string Describe(ConventionParty party) => party == ConventionParty.Operator ? "operator" : "partner";
}
