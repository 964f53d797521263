using Conventions.BuildingBlocks.Jobs;
using Conventions.Modules.Notices.Contracts;

namespace Conventions.Modules.Notices.Features;

/// <summary>Stores a requested notice once, as one letter per organization (inbox by event id, and by deduplication key), then asks for delivery.</summary>
internal sealed class StoreRequestedNotice(NoticesDbContext db, TimeProvider clock, IJobTrigger jobs) : INotificationHandler<NoticeRequested>
{
    public async ValueTask Handle(NoticeRequested notification, CancellationToken cancellationToken)
    {
        if (await db.AlreadyHandledAsync(notification.EventId, nameof(StoreRequestedNotice), cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var notice in Notice.PerOrganization(notification, now))
        {
            var key = notice.DeduplicationKey;
            if (key is null || !await db.Notices.AnyAsync(n => n.DeduplicationKey == key, cancellationToken))
            {
                db.Notices.Add(notice);
                added++;
                foreach (var organization in notice.Audience)
                {
                    db.Publish(new NoticeCreated(now, notice.Id, organization.OrganizationId, notice.Kind, notice.Subject, notice.ConventionId, notice.DisputeId));
                }
            }
        }
        db.MarkHandled(notification.EventId, nameof(StoreRequestedNotice), now);
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            jobs.Trigger(JobNames.Notices);
        }
    }
}
