namespace Conventions.Modules.Notices.Features;

/// <summary>A notice as partner portals list it.</summary>
internal sealed record NoticeDto(
    Guid Id,
    string Kind,
    string Subject,
    IReadOnlyList<NoticeRecipientDto> Recipients,
    IReadOnlyList<Guid> OrganizationIds,
    Guid? ConventionId,
    Guid? DisputeId,
    DateTimeOffset CreatedAt,
    NoticeStatus Status,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    string? LastError);

/// <summary>A recipient and how its own letter fared (each recipient is sent a message of its own).</summary>
internal sealed record NoticeRecipientDto(string Name, string Email, DateTimeOffset? DeliveredAt, string? Error);

internal sealed record NoticeDetailDto(NoticeDto Notice, string BodyHtml);

internal static class NoticeMapping
{
    public static NoticeDto ToDto(Notice n) => new(
        n.Id, n.Kind, n.Subject,
        n.OrderedRecipients().Select(r => new NoticeRecipientDto(r.Name, r.Email, r.DeliveredAt, r.LastError)).ToList(),
        n.Audience.Select(a => a.OrganizationId).ToList(),
        n.ConventionId, n.DisputeId, n.CreatedAt, n.Status, n.Attempts, n.DeliveredAt, n.LastError);
}
