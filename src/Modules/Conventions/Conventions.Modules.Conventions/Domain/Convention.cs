using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Conventions.Domain;

/// <summary>
/// A convention between an operator and a partner, from its draft to its end. The document is frozen (with its SHA-256)
/// when sent for signature and never changes; any later change goes through an amendment. Term, renewal and notices
/// are data: <see cref="NextDueOn"/> is the next date the renewals sweep has something to do.
/// </summary>
internal sealed partial class Convention : global::Conventions.BuildingBlocks.Persistence.IConcurrencyChecked, global::Conventions.BuildingBlocks.Persistence.ITracksUpdates
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

    /// <summary>When it, or a row it owns, last changed (stamped as changes are saved; seat counts excluded).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

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
            UpdatedAt = now,
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
    public void SendForSignature(RenderedDocument document, DateTimeOffset now, Guid? credentialId = null)
    {
        if (Status != ConventionStatus.Draft)
        {
            throw new ConflictException("convention.wrong_step", $"Only a draft is sent for signature; this convention is {Describe(Status)}.");
        }
        DocumentHtml = document.Html;
        DocumentSha256 = document.Sha256;
        FrozenAt = now;
        Status = ConventionStatus.AwaitingSignatures;
        Record(now, "sent-for-signature", $"Document frozen, SHA-256 {document.Sha256}.", credentialId);
    }

    /// <summary>
    /// Records a party's signature: signed by one of its registered signatories, dated the server's day in Paris (never
    /// before the document was frozen), with its evidence. When both parties have signed, the convention is active at once
    /// if its term has started, otherwise signed until its start date.
    /// </summary>
    public ConventionEffect? Sign(ConventionParty party, RegisteredSignatory signer, string place, SignatureEvidence evidence, DateOnly today, DateTimeOffset now)
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
        SignatureRules.EnsureNotBeforeFreeze(FrozenAt!.Value, today);
        Signatures.Add(Signature.Record(party, signer, place, evidence, DocumentSha256!, today, now));
        Record(now, "signed", $"Signed for the {Describe(party)} by {signer.FullName}, {signer.Title}, at {place} on {today:yyyy-MM-dd}.", evidence.CredentialId);
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

    /// <summary>
    /// Adds a step to the history, with the document's hash at that step: the frozen text's once sent for signature; a
    /// draft's steps get theirs from <see cref="AttestDraft"/> once it is rendered.
    /// </summary>
    public void Record(DateTimeOffset at, string kind, string detail, Guid? credentialId = null) =>
        History.Add(new ConventionEvent { At = at, Kind = kind, Detail = detail, DocumentSha256 = DocumentSha256, CredentialId = credentialId });

    /// <summary>Stamps the draft step just recorded (drafted, edited) with the SHA-256 of the draft as rendered then, and who did it.</summary>
    public void AttestDraft(string sha256, Guid? credentialId)
    {
        if (Status == ConventionStatus.Draft && History.Count > 0 && History[^1] is { DocumentSha256: null } step)
        {
            step.DocumentSha256 = sha256;
            step.CredentialId ??= credentialId;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static string Describe(ConventionStatus status) => BuildingBlocks.Web.JsonDefaults.Kebab(status);

    public static string Describe(ConventionParty party) => party == ConventionParty.Operator ? "operator" : "partner";
}
