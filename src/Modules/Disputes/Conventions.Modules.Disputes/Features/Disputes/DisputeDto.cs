using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Disputes.Features;

internal sealed record DeadlineDto(DeadlineName Name, DateOnly StartsFrom, string Period, DateOnly NominalDueOn, DateOnly DueOn, string Explanation, DateOnly ReminderOn, bool Passed);

internal sealed record DisputeEventDto(DateTimeOffset At, string Kind, string Detail);

internal sealed record DisputeNoticeDto(NoticeChannel Channel, DateOnly? SentOn, DateOnly NotifiedOn);

internal sealed record DisputeDto(
    Guid Id, Guid ConventionId, DisputeStatus Status, DisputePolicy Policy, ConventionParty RaisedBy, DisputeKind Kind, string Grounds,
    DisputeNoticeDto Notice, IReadOnlyList<DeadlineDto> Deadlines, IReadOnlyList<DisputeEventDto> Events,
    DateOnly? ExplanationSubmittedOn, string? Explanation, DateOnly? AgreedOn, DateOnly? RemediedOn, string? ResolutionSummary,
    DateOnly? TerminationSentOn, string? TerminationTrackingNumber, DateOnly? NextDueOn, DateTimeOffset CreatedAt,
    AgreementDto? Agreement, DateTimeOffset UpdatedAt, string HolidayCalendar, CitedRulesDto? InternalRules);

/// <summary>The internal rules an internal-rules breach cites: the version the partner acknowledged, its SHA-256, who acknowledged it and when.</summary>
internal sealed record CitedRulesDto(Guid VenueId, string VenueName, int Version, string Title, string Sha256, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>Who agreed: the party that proposed the agreement, and the one that accepted it (null while pending).</summary>
internal sealed record AgreementDto(ConventionParty ProposedBy, DateOnly ProposedOn, string Summary, ConventionParty? AcceptedBy, DateOnly? AcceptedOn, IReadOnlyList<ConventionParty> AgreedBy);

internal static class DisputeMapping
{
    public static DisputeDto ToDto(Dispute d) => new(
        d.Id, d.ConventionId, d.Status, d.Policy, d.RaisedBy, d.Kind, d.Grounds,
        new DisputeNoticeDto(d.NoticeChannel, d.NoticeSentOn, d.NotifiedOn),
        d.Deadlines.OrderBy(x => x.DueOn).Select(x => new DeadlineDto(x.Name, x.StartsFrom, x.Period, x.NominalDueOn, x.DueOn, x.Explanation, x.ReminderOn, x.Passed)).ToList(),
        d.Events.OrderBy(e => e.At).Select(e => new DisputeEventDto(e.At, e.Kind, e.Detail)).ToList(),
        d.ExplanationSubmittedOn, d.ExplanationText, d.AgreedOn, d.RemediedOn, d.ResolutionSummary,
        d.TerminationSentOn, d.TerminationTrackingNumber, d.NextDueOn, d.CreatedAt,
        d.AgreementProposedBy is { } proposedBy
            ? new AgreementDto(proposedBy, d.AgreementProposedOn!.Value, d.AgreementProposal ?? string.Empty, d.AgreementAcceptedBy, d.AgreementAcceptedBy is null ? null : d.AgreedOn,
                d.AgreementAcceptedBy is { } acceptedBy ? [proposedBy, acceptedBy] : [proposedBy])
            : null,
        d.UpdatedAt, BuildingBlocks.LegalCalendar.HolidayRegions.Key(d.Region),
        d.CitedRulesVersion is { } version
            ? new CitedRulesDto(d.CitedRulesVenueId!.Value, d.CitedRulesVenueName ?? string.Empty, version, d.CitedRulesTitle ?? string.Empty, d.CitedRulesSha256 ?? string.Empty,
                d.CitedRulesAcknowledgedBy ?? string.Empty, d.CitedRulesAcknowledgedAt!.Value)
            : null);
}
