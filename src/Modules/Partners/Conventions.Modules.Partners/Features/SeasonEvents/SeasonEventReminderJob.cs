using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Partners.Features;

/// <summary>
/// The <c>season-event-reminders</c> job (daily): a week before an event, each structure with people registered gets a
/// reminder listing them, sent to its referents and to those people. Each event is reminded once.
/// </summary>
internal sealed partial class SeasonEventReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SeasonEventReminderJob> logger) : IJob
{
    private static readonly TemplateRef Letter = new(typeof(SeasonEventReminderJob).Assembly, "season-event-notice.sbn-html");

    public const string JobName = "season-event-reminders";

    public string Name => JobName;

    public string Cron => "40 7 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();
        var now = clock.GetUtcNow();
        var horizon = ParisTime.StartOf(clock.Today().AddDays(8));
        var due = await db.SeasonEvents.Include(e => e.Registrations)
            .Where(e => e.Status == SeasonEventStatus.Scheduled && e.ReminderSentAt == null && e.StartsAt > now && e.StartsAt < horizon)
            .ToListAsync(cancellationToken);
        var letters = 0;
        foreach (var e in due)
        {
            foreach (var group in e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).GroupBy(r => r.OrganizationId))
            {
                if (await mediator.Send(new GetOrganizationSummary(group.Key), cancellationToken) is not { } organization)
                {
                    continue;
                }
                var subject = $"Rappel : {e.Title}, le {French.Date(DateOnly.FromDateTime(ParisTime.ToParis(e.StartsAt).DateTime))}";
                var recipients = NoticeRecipients.ReferentsOf(organization)
                    .Concat(group.Where(r => r.Email is not null).Select(r => new NoticeRecipient(r.PersonName, r.Email!, organization.Id)))
                    .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
                db.Publish(new NoticeRequested(now, "season-event-reminder", subject, renderer.Render(Letter, SeasonEventLetters.Model(e, "reminder", subject, group)).Html,
                    recipients, [organization.Id], DeduplicationKey: $"season-event:{e.Id:N}:{organization.Id:N}:reminder"));
                letters++;
            }
            e.ReminderSent(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (letters > 0)
        {
            LogSent(logger, letters);
        }
        return letters;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Season events: {Count} reminders")]
    private static partial void LogSent(ILogger logger, int count);
}
