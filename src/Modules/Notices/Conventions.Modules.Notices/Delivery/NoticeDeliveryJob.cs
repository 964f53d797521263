using Conventions.BuildingBlocks.Jobs;
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
            .Where(Notice.Due(now))
            .OrderBy(n => n.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var notice in due)
        {
            // One message per recipient: an address that fails does not hold back the others, and a retry sends only to
            // the recipients still waiting.
            string? failure = null;
            foreach (var recipient in notice.Undelivered())
            {
                try
                {
                    await transport.SendAsync(NoticeMessages.ToMime(notice, recipient, settings.Value), cancellationToken);
                    Notice.MarkRecipientDelivered(recipient, clock.GetUtcNow());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception, notice.Id, transport.Channel);
                    Notice.MarkRecipientFailed(recipient, exception.Message);
                    failure ??= $"{recipient.Email}: {exception.Message}";
                }
            }
            if (failure is null)
            {
                notice.MarkDelivered(clock.GetUtcNow());
                delivered++;
            }
            else
            {
                notice.MarkFailed(failure, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} could not be delivered by {Channel}; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid noticeId, string channel);
}
