using Conventions.BuildingBlocks.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Notices.Delivery;

/// <summary>Notices due to be sent now (first tries and retries whose time has come), for metrics and health.</summary>
internal sealed class NoticeBacklog : IQueueBacklog
{
    public string Queue => "notices";

    public async Task<(long Due, DateTimeOffset? OldestDueAt)> ReadAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NoticesDbContext>();
        var due = db.Notices.AsNoTracking().Where(Notice.Due(now));
        return (await due.LongCountAsync(cancellationToken), await due.MinAsync(n => (DateTimeOffset?)n.NextAttemptAt, cancellationToken));
    }
}
