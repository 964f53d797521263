using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Notices.Domain;

internal enum NoticeStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>A notice stored before delivery (the outbox of mail): delivered by SMTP or to a pickup folder, retried on failure.</summary>
internal sealed class Notice
{
    public const int MaxAttempts = 8;

    private Notice()
    {
    }

    public Guid Id { get; private set; }

    public Guid SourceEventId { get; private set; }

    public string? DeduplicationKey { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string BodyHtml { get; private set; } = string.Empty;

    public List<NoticeRecipientEntry> Recipients { get; private set; } = [];

    public List<NoticeAudience> Audience { get; private set; } = [];

    public Guid? ConventionId { get; private set; }

    public Guid? DisputeId { get; private set; }

    public NoticeStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public static Notice From(Contracts.NoticeRequested request, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SourceEventId = request.EventId,
        DeduplicationKey = request.DeduplicationKey,
        Kind = request.Kind,
        Subject = request.Subject,
        BodyHtml = request.BodyHtml,
        Recipients = request.Recipients
            .Where(r => !string.IsNullOrWhiteSpace(r.Email))
            .DistinctBy(r => r.Email.Trim().ToUpperInvariant())
            .Select(r => new NoticeRecipientEntry { Name = r.Name, Email = r.Email.Trim(), OrganizationId = r.OrganizationId })
            .ToList(),
        Audience = request.OrganizationIds.Distinct().Select(id => new NoticeAudience { OrganizationId = id }).ToList(),
        ConventionId = request.ConventionId,
        DisputeId = request.DisputeId,
        Status = NoticeStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public bool IsDue(DateTimeOffset now) => Status != NoticeStatus.Delivered && Attempts < MaxAttempts && NextAttemptAt <= now;

    public void MarkDelivered(DateTimeOffset now)
    {
        Status = NoticeStatus.Delivered;
        DeliveredAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Visible as <c>failed</c> at once; retried with backoff until <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Status = NoticeStatus.Failed;
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now + Backoff.For(Attempts);
    }
}

internal sealed class NoticeRecipientEntry
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public Guid? OrganizationId { get; set; }
}

internal sealed class NoticeAudience
{
    public Guid OrganizationId { get; set; }
}
