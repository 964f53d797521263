using Conventions.BuildingBlocks.Jobs;
using Conventions.Modules.Notices.Domain;
using Conventions.Modules.Notices.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Notices.Delivery;

/// <summary>
/// The <c>notices</c> job: delivers stored notices that are due, one at a time, marking each delivered or failed
/// (retried with backoff). A notice with no e-mail recipient is delivered to the portals only.
/// </summary>
internal sealed partial class NoticeDeliveryJob(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<NoticeSettings> settings,
    TimeProvider clock,
    ILogger<NoticeDeliveryJob> logger) : IJob
{
    public string Name => JobNames.Notices;

    public string Cron => "* * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticesDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Notices
            .Where(n => n.Status != NoticeStatus.Delivered && n.Attempts < Notice.MaxAttempts && n.NextAttemptAt <= now)
            .OrderBy(n => n.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var notice in due)
        {
            try
            {
                if (notice.Recipients.Count > 0)
                {
                    await transport.SendAsync(NoticeMessages.ToMime(notice, settings.Value), cancellationToken);
                }
                notice.MarkDelivered(clock.GetUtcNow());
                delivered++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, notice.Id, transport.Channel);
                notice.MarkFailed(exception.Message, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} could not be delivered by {Channel}; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid noticeId, string channel);
}
