using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// The <c>retention-beneficiaries</c> job (nightly, Europe/Paris): anonymises the beneficiaries without activity for
/// <c>PersonalData:RetentionMonths</c> (24 by default): no outing, and no registration, since then. Their bookings and
/// seats stay, names erased, so every report counts the same before and after. Idempotent: an anonymised person is not
/// read again.
/// </summary>
internal sealed partial class BeneficiaryRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<BeneficiaryRetentionJob> logger) : IJob
{
    private const int BatchSize = 200;

    public const string JobName = "retention-beneficiaries";

    public string Name => JobName;

    public string Cron => "40 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var months = configuration.GetValue("PersonalData:RetentionMonths", 24);
        var cutoff = ParisTime.StartOf(clock.Today().AddMonths(-months));
        var anonymised = 0;
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            var candidates = db.Beneficiaries.Where(b => b.AnonymisedAt == null && b.CreatedAt < cutoff
                && !db.Bookings.Any(k => k.BeneficiaryId == b.Id && k.SessionStartsAt >= cutoff));
            if (after is { } last)
            {
                candidates = candidates.Where(b => b.Id.CompareTo(last) > 0);
            }
            var batch = await candidates.OrderBy(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                if (anonymised > 0)
                {
                    LogAnonymised(logger, anonymised, months);
                }
                return anonymised;
            }
            after = batch[^1].Id;
            var ids = batch.Select(b => b.Id).ToList();
            var bookings = (await db.Bookings.Include(b => b.Invitations).Where(b => ids.Contains(b.BeneficiaryId)).ToListAsync(cancellationToken))
                .ToLookup(b => b.BeneficiaryId);
            var now = clock.GetUtcNow();
            foreach (var beneficiary in batch)
            {
                anonymised += PersonalData.Anonymise(beneficiary, bookings[beneficiary.Id], now);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} beneficiaries anonymised after {Months} months without activity")]
    private static partial void LogAnonymised(ILogger logger, int count, int months);
}
