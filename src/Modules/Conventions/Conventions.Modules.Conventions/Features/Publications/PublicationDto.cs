namespace Conventions.Modules.Conventions.Features;

internal sealed record PublicationApprovalDto(ConventionParty Party, DateTimeOffset ApprovedAt);

internal sealed record PublicationDto(Guid Id, Guid ConventionId, string Title, string Medium, bool BearsBothLogos, PublicationStatus Status, IReadOnlyList<PublicationApprovalDto> Approvals, DateTimeOffset SubmittedAt);

internal static class PublicationMapping
{
    public static PublicationDto ToDto(Publication p) => new(
        p.Id, p.ConventionId, p.Title, p.Medium, p.BearsBothLogos, p.Status,
        p.Approvals.OrderBy(a => a.Party).Select(a => new PublicationApprovalDto(a.Party, a.ApprovedAt)).ToList(), p.SubmittedAt);
}
