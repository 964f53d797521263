namespace Conventions.Modules.Conventions.Domain;

internal enum AmendmentStatus
{
    AwaitingSignatures,
    Applied,
}

/// <summary>An amendment (avenant): drafted with its changes, rendered as its own document, signed by both, then applied.</summary>
internal sealed class Amendment
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public int Number { get; set; }

    public string Summary { get; set; } = string.Empty;

    public DateOnly? NewEndsOn { get; set; }

    public Dictionary<string, string> NewVariables { get; set; } = [];

    public AmendmentStatus Status { get; set; }

    public string DocumentHtml { get; set; } = string.Empty;

    public string DocumentSha256 { get; set; } = string.Empty;

    /// <summary>The hash of the convention document the amendment refers to.</summary>
    public string ConventionSha256 { get; set; } = string.Empty;

    public int AppliesToVersion { get; set; }

    /// <summary>The party that proposed it (null when the platform drafted it, or before issue 18).</summary>
    public ConventionParty? ProposedBy { get; set; }

    public List<Signature> Signatures { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>
    /// Records a signature by one of the party's registered signatories, dated the server's day (never before the
    /// amendment was drafted and frozen), with its evidence; returns true when both parties have now signed.
    /// </summary>
    public bool Sign(ConventionParty party, RegisteredSignatory signer, string place, SignatureEvidence evidence, DateOnly today, DateOnly draftedOn, DateTimeOffset now)
    {
        if (Status != AmendmentStatus.AwaitingSignatures)
        {
            throw new ConflictException("amendment.already_applied", "This amendment is signed and applied.");
        }
        if (Signatures.Any(s => s.Party == party))
        {
            throw new ConflictException("amendment.already_signed", $"The {Convention.Describe(party)} has already signed this amendment.");
        }
        SignatureRules.EnsureNotBeforeFreeze(draftedOn, today);
        Signatures.Add(Signature.Record(party, signer, place, evidence, DocumentSha256, today, now));
        return Signatures.Count == 2;
    }
}

internal enum PublicationStatus
{
    Submitted,
    Approved,
}

/// <summary>A publication about the partnership (Ruche art. 5): it bears both logos and is approved by both parties.</summary>
internal sealed class Publication
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Medium { get; set; } = string.Empty;

    public bool BearsBothLogos { get; set; }

    public PublicationStatus Status { get; set; }

    public List<PublicationApproval> Approvals { get; set; } = [];

    public DateTimeOffset SubmittedAt { get; set; }

    public void Approve(ConventionParty party, DateTimeOffset now)
    {
        if (Approvals.Any(a => a.Party == party))
        {
            throw new ConflictException("publication.already_approved", $"The {Convention.Describe(party)} has already approved this publication.");
        }
        Approvals.Add(new PublicationApproval { Party = party, ApprovedAt = now });
        if (Approvals.Count == 2)
        {
            Status = PublicationStatus.Approved;
        }
    }
}

internal sealed class PublicationApproval
{
    public ConventionParty Party { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }
}
