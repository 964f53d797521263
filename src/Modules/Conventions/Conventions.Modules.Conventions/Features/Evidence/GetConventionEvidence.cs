namespace Conventions.Modules.Conventions.Features;

/// <summary>A step of the convention's life, with the document's hash at that step and the key that took it.</summary>
internal sealed record EvidenceStepDto(DateTimeOffset At, DateTimeOffset AtParis, string Kind, string Detail, string? DocumentSha256, Guid? CredentialId);

/// <summary>A signature and its evidence: who (the registered contact), through which key, from where, when, on which document.</summary>
internal sealed record SignatureEvidenceDto(
    ConventionParty Party, Guid? ContactId, string SignatoryName, string SignatoryTitle, string Place, DateOnly SignedOn,
    DateTimeOffset RecordedAt, DateTimeOffset RecordedAtParis, Guid? CredentialId, string? CredentialLabel, string? ClientAddress,
    string? UserAgent, string? DocumentSha256);

/// <summary>An amendment's document hash and its signatures' evidence.</summary>
internal sealed record AmendmentEvidenceDto(Guid Id, int Number, AmendmentStatus Status, string DocumentSha256, DateTimeOffset CreatedAt, DateTimeOffset? AppliedAt, IReadOnlyList<SignatureEvidenceDto> Signatures);

/// <summary>The audit trail of a convention (issue 18): every step from draft to active with the hash at each, every signature's evidence, the amendments'.</summary>
internal sealed record ConventionEvidenceDto(
    Guid ConventionId, string TemplateKey, ConventionStatus Status, string? DocumentSha256, DateTimeOffset? FrozenAt,
    IReadOnlyList<EvidenceStepDto> Steps, IReadOnlyList<SignatureEvidenceDto> Signatures, IReadOnlyList<AmendmentEvidenceDto> Amendments);

internal sealed record GetConventionEvidence(Guid Id) : IQuery<ConventionEvidenceDto>;

internal sealed class GetConventionEvidenceHandler(ConventionsDbContext db, ICurrentActor current) : IQueryHandler<GetConventionEvidence, ConventionEvidenceDto>
{
    public async ValueTask<ConventionEvidenceDto> Handle(GetConventionEvidence query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.ConventionId == convention.Id).ToListAsync(cancellationToken);
        return ConventionEvidence.Of(convention, amendments);
    }
}

internal static class ConventionEvidence
{
    public static ConventionEvidenceDto Of(Convention convention, IEnumerable<Amendment> amendments) => new(
        convention.Id, convention.TemplateKey, convention.Status, convention.DocumentSha256, convention.FrozenAt,
        convention.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new EvidenceStepDto(h.At, ParisTime.ToParis(h.At), h.Kind, h.Detail, h.DocumentSha256, h.CredentialId)).ToList(),
        Of(convention.Signatures),
        amendments.OrderBy(a => a.Number)
            .Select(a => new AmendmentEvidenceDto(a.Id, a.Number, a.Status, a.DocumentSha256, a.CreatedAt, a.AppliedAt, Of(a.Signatures))).ToList());

    private static List<SignatureEvidenceDto> Of(IEnumerable<Signature> signatures) =>
        signatures.OrderBy(s => s.RecordedAt).ThenBy(s => s.Party).Select(s => new SignatureEvidenceDto(
            s.Party, s.ContactId, s.SignatoryName, s.SignatoryTitle, s.Place, s.SignedOn, s.RecordedAt, ParisTime.ToParis(s.RecordedAt),
            s.CredentialId, s.CredentialLabel, s.ClientAddress, s.UserAgent, s.DocumentSha256)).ToList();
}
