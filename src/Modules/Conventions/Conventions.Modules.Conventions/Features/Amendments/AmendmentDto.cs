namespace Conventions.Modules.Conventions.Features;

internal sealed record AmendmentChangesDto(DateOnly? EndsOn, IReadOnlyDictionary<string, string> Variables);

internal sealed record AmendmentDto(
    Guid Id, Guid ConventionId, int Number, string Summary, AmendmentStatus Status, AmendmentChangesDto Changes,
    string DocumentSha256, string ConventionSha256, IReadOnlyList<SignatureDto> Signatures, DateTimeOffset CreatedAt, DateTimeOffset? AppliedAt,
    int ConventionVersion, string DocumentUrl, ConventionParty? ProposedBy);

internal static class AmendmentMapping
{
    public static AmendmentDto ToDto(Amendment a, int conventionVersion) => new(
        a.Id, a.ConventionId, a.Number, a.Summary, a.Status, new AmendmentChangesDto(a.NewEndsOn, a.NewVariables),
        a.DocumentSha256, a.ConventionSha256, a.Signatures.OrderBy(s => s.Party).Select(ConventionMapping.ToDto).ToList(),
        a.CreatedAt, a.AppliedAt, conventionVersion, $"/api/v1/conventions/{a.ConventionId}/amendments/{a.Id}/document", a.ProposedBy);
}
