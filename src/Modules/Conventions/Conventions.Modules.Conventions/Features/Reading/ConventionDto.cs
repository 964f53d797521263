namespace Conventions.Modules.Conventions.Features;

internal sealed record PeriodDto(DateOnly StartsOn, DateOnly EndsOn);

internal sealed record SignatoryDto(string FullName, string Title);

/// <summary>A signature: the registered signatory (<c>contactId</c>), place and day, and the hash of the document signed.</summary>
internal sealed record SignatureDto(ConventionParty Party, string SignatoryName, string SignatoryTitle, string Place, DateOnly SignedOn, DateTimeOffset RecordedAt, Guid? ContactId, string? DocumentSha256);

/// <param name="PartnerAgrees">The partner's answer to the decision: true agrees, false withholds its agreement, null not answered yet.</param>
internal sealed record CommitteeDto(
    Guid Id, DateOnly MeetsOn, DateOnly PeriodEndsOn, bool? Renew, string? Minutes, DateTimeOffset? DecidedAt,
    bool? PartnerAgrees, string? PartnerComment, DateTimeOffset? PartnerAnsweredAt);

internal sealed record HistoryDto(DateTimeOffset At, string Kind, string Detail);

/// <summary>A convention, with its term, current period, policies, signatures and history.</summary>
internal sealed record ConventionDto(
    Guid Id,
    string TemplateKey,
    ConventionStatus Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    PeriodDto CurrentPeriod,
    RenewalPolicy RenewalPolicy,
    DisputePolicy DisputePolicy,
    string? DocumentSha256,
    IReadOnlyList<SignatureDto> Signatures,
    int Version,
    Guid OperatorOrganizationId,
    Guid PartnerOrganizationId,
    string Place,
    SignatoryDto OperatorSignatory,
    SignatoryDto PartnerSignatory,
    IReadOnlyDictionary<string, string> Variables,
    int Renewals,
    DateOnly? NextDueOn,
    IReadOnlyList<CommitteeDto> Committees,
    IReadOnlyList<HistoryDto> History,
    DateTimeOffset CreatedAt,
    string DocumentUrl,
    DateTimeOffset UpdatedAt);

internal static class ConventionMapping
{
    public static ConventionDto ToDto(Convention c, bool withHistory = true) => new(
        c.Id, c.TemplateKey, c.Status, c.StartsOn, c.EndsOn, new PeriodDto(c.PeriodStartsOn, c.PeriodEndsOn),
        c.RenewalPolicy, c.DisputePolicy, c.DocumentSha256,
        c.Signatures.OrderBy(s => s.Party).Select(ToDto).ToList(),
        c.Version, c.OperatorOrganizationId, c.PartnerOrganizationId, c.Place,
        new SignatoryDto(c.OperatorSignatory.FullName, c.OperatorSignatory.Title),
        new SignatoryDto(c.PartnerSignatory.FullName, c.PartnerSignatory.Title),
        c.Variables, c.Renewals, c.NextDueOn,
        c.Committees.OrderBy(x => x.MeetsOn).Select(ToDto).ToList(),
        withHistory ? c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryDto(h.At, h.Kind, h.Detail)).ToList() : [],
        c.CreatedAt,
        $"/api/v1/conventions/{c.Id}/document",
        c.UpdatedAt);

    public static SignatureDto ToDto(Signature s) => new(s.Party, s.SignatoryName, s.SignatoryTitle, s.Place, s.SignedOn, s.RecordedAt, s.ContactId, s.DocumentSha256);

    public static CommitteeDto ToDto(Committee c) => new(c.Id, c.MeetsOn, c.PeriodEndsOn, c.Renew, c.Minutes, c.DecidedAt, c.PartnerAgrees, c.PartnerComment, c.PartnerAnsweredAt);
}
