using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// The <c>retention-appointments</c> job (nightly, Europe/Paris): anonymises the holders of appointments whose occurrence
/// ended more than <c>PersonalData:RetentionMonths</c> ago (24 by default). The appointments stay, names and contact
/// details erased, so the yearly counts do not move. Idempotent.
/// </summary>
internal sealed partial class AppointmentRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<AppointmentRetentionJob> logger) : IJob
{
    private const int BatchSize = 500;

    public const string JobName = "retention-appointments";

    public string Name => JobName;

    public string Cron => "45 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var months = configuration.GetValue("PersonalData:RetentionMonths", 24);
        var cutoff = ParisTime.StartOf(clock.Today().AddMonths(-months));
        var anonymised = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            // Each batch anonymises what it reads, so the next one starts where it ended.
            var batch = await db.Appointments
                .Where(a => a.AnonymisedAt == null && db.Occurrences.Any(o => o.Id == a.OccurrenceId && o.EndsAt < cutoff))
                .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                if (anonymised > 0)
                {
                    LogAnonymised(logger, anonymised, months);
                }
                return anonymised;
            }
            var now = clock.GetUtcNow();
            anonymised += batch.Count(a => a.Anonymise(now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} appointment holders anonymised {Months} months after their appointment")]
    private static partial void LogAnonymised(ILogger logger, int count, int months);
}
