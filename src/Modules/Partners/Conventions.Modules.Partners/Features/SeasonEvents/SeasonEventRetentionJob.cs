using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Partners.Features;

/// <summary>
/// The <c>retention-season-events</c> job (nightly): the people registered to a season event are anonymised once the
/// event is older than <c>PersonalData:RetentionMonths</c> (24 by default): name, role and e-mail erased, the
/// registration kept as a count with its status and attendance (reports count the same afterwards). Idempotent.
/// </summary>
internal sealed partial class SeasonEventRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SeasonEventRetentionJob> logger) : IJob
{
    public const string JobName = "retention-season-events";

    public const string AnonymousName = "Personne anonymisée";

    public string Name => JobName;

    public string Cron => "55 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = ParisTime.StartOf(clock.Today().AddMonths(-configuration.GetValue("PersonalData:RetentionMonths", 24)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var anonymised = await db.SeasonEvents.Where(e => e.StartsAt < cutoff).SelectMany(e => e.Registrations)
            .Where(r => r.PersonName != AnonymousName)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonName, AnonymousName).SetProperty(x => x.RoleInStructure, "").SetProperty(x => x.Email, (string?)null), cancellationToken);
        if (anonymised > 0)
        {
            LogAnonymised(logger, anonymised, cutoff);
        }
        return anonymised;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} season-event registrations before {Cutoff:yyyy-MM-dd} anonymised")]
    private static partial void LogAnonymised(ILogger logger, int count, DateTimeOffset cutoff);
}
