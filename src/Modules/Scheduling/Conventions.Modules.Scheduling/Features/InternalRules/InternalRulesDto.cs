namespace Conventions.Modules.Scheduling.Features;

/// <summary>One version of the venue's internal rules, with its text and the SHA-256 of that text (UTF-8).</summary>
internal sealed record InternalRulesDto(Guid Id, Guid VenueId, int Version, string Title, string Text, string Sha256, DateTimeOffset PublishedAt);

/// <summary>An earlier version, without its text (read it with <c>?version=</c>).</summary>
internal sealed record InternalRulesVersionDto(int Version, string Title, string Sha256, DateTimeOffset PublishedAt);

/// <summary>Who acknowledged which version, when, under which premises convention.</summary>
internal sealed record RulesAcknowledgmentDto(
    Guid Id, Guid VenueId, int Version, string Sha256, Guid ConventionId, Guid PartnerOrganizationId, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>
/// A venue's internal rules: the version asked for (the current one by default), every version, and the acknowledgments
/// the caller may see (all of them for the venue's operator, its own organization's for a partner).
/// </summary>
internal sealed record InternalRulesOverviewDto(
    Guid VenueId, InternalRulesDto Rules, int CurrentVersion, IReadOnlyList<InternalRulesVersionDto> Versions, IReadOnlyList<RulesAcknowledgmentDto> Acknowledgments);

internal static class InternalRulesMapping
{
    public static InternalRulesDto ToDto(InternalRules r) => new(r.Id, r.VenueId, r.Version, r.Title, r.Text, r.Sha256, r.PublishedAt);

    public static RulesAcknowledgmentDto ToDto(RulesAcknowledgment a) =>
        new(a.Id, a.VenueId, a.Version, a.Sha256, a.ConventionId, a.PartnerOrganizationId, a.AcknowledgedBy, a.AcknowledgedAt);
}
