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

    /// <summary>The recipients in the order they were written (see <see cref="NoticeRecipientEntry.Id"/>).</summary>
    public IEnumerable<NoticeRecipientEntry> OrderedRecipients() => Recipients.OrderBy(r => r.Id);

    public List<NoticeAudience> Audience { get; private set; } = [];

    public Guid? ConventionId { get; private set; }

    public Guid? DisputeId { get; private set; }

    public NoticeStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// One letter per organization: each organization's notice goes to its own recipients only and is listed to it
    /// alone, so no structure sees another's referents. A recipient who belongs to no organization (a person with an
    /// appointment) gets a letter of their own.
    /// </summary>
    public static IReadOnlyList<Notice> PerOrganization(Contracts.NoticeRequested request, DateTimeOffset now)
    {
        var recipients = request.Recipients
            .Where(r => !string.IsNullOrWhiteSpace(r.Email))
            .DistinctBy(r => (r.Email.Trim().ToUpperInvariant(), r.OrganizationId))
            .ToList();
        var organizations = request.OrganizationIds.Concat(recipients.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value)).Distinct().ToList();
        var notices = organizations
            .Select(id => Create(request, now, recipients.Where(r => r.OrganizationId == id).ToList(), [id], Suffix(request, id.ToString("N"))))
            .ToList();
        var people = recipients.Where(r => r.OrganizationId is null).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            notices.Add(Create(request, now, [people[i]], [], Suffix(request, "person-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (notices.Count == 0)
        {
            notices.Add(Create(request, now, [], [], request.DeduplicationKey));
        }
        return notices;
    }

    private static string? Suffix(Contracts.NoticeRequested request, string part) =>
        request.DeduplicationKey is { } key ? $"{key}|{part}" : null;

    private static Notice Create(Contracts.NoticeRequested request, DateTimeOffset now, IReadOnlyList<Contracts.NoticeRecipient> recipients, IReadOnlyList<Guid> audience, string? deduplicationKey) => new()
    {
        Id = Guid.NewGuid(),
        SourceEventId = request.EventId,
        DeduplicationKey = deduplicationKey,
        Kind = request.Kind,
        Subject = request.Subject,
        BodyHtml = request.BodyHtml,
        Recipients = recipients
            .DistinctBy(r => r.Email.Trim().ToUpperInvariant())
            .Select(r => new NoticeRecipientEntry { Name = r.Name, Email = r.Email.Trim(), OrganizationId = r.OrganizationId })
            .ToList(),
        Audience = audience.Select(id => new NoticeAudience { OrganizationId = id, CreatedAt = now }).ToList(),
        ConventionId = request.ConventionId,
        DisputeId = request.DisputeId,
        Status = NoticeStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The recipients still waiting for their letter (all of them on the first attempt).</summary>
    public IReadOnlyList<NoticeRecipientEntry> Undelivered() => OrderedRecipients().Where(r => r.DeliveredAt is null).ToList();

    /// <summary>One recipient's letter left; the others keep their own state.</summary>
    public static void MarkRecipientDelivered(NoticeRecipientEntry recipient, DateTimeOffset now)
    {
        recipient.DeliveredAt = now;
        recipient.LastError = null;
    }

    public static void MarkRecipientFailed(NoticeRecipientEntry recipient, string error) =>
        recipient.LastError = error.Length > 1000 ? error[..1000] : error;

    /// <summary>
    /// Due to be sent now: not yet delivered (pending, or failed and still to retry) and its time come. Its statuses are
    /// named so that the (Status, NextAttemptAt) index seeks the few notices not yet delivered: "not delivered" made the
    /// notices sweep and its backlog read every notice (a million: 1.2 s on SQLite, a parallel scan on PostgreSQL; issue 17).
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Notice, bool>> Due(DateTimeOffset now) =>
        n => (n.Status == NoticeStatus.Pending || n.Status == NoticeStatus.Failed) && n.Attempts < MaxAttempts && n.NextAttemptAt <= now;

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
    /// <summary>
    /// The row's key, in the order the recipients were written: the order of the list (its position numbers each
    /// recipient's Message-Id), since a database returns an owned collection in no particular order.
    /// </summary>
    public int Id { get; private set; }

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public Guid? OrganizationId { get; set; }

    /// <summary>When the letter left for this recipient; null until then. Each recipient is sent its own message.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Why the last attempt for this recipient failed (an unknown mailbox, a server that refused it).</summary>
    public string? LastError { get; set; }
}

internal sealed class NoticeAudience
{
    public Guid OrganizationId { get; set; }

    /// <summary>The notice's own creation instant, kept beside each of its organizations to list theirs in order.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
