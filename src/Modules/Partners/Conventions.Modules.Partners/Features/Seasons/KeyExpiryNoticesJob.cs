using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Partners.Features;

/// <summary>
/// The <c>key-expiry-notices</c> job (daily): tells each organization's referents, 30 and then 7 days ahead, which of
/// its keys expire (keys end with the season; issue 19). One letter per organization and stage, listing its keys; a key
/// already succeeded by a newer valid key of the same organization, role and label is not announced. Running it twice a
/// day sends nothing twice.
/// </summary>
internal sealed partial class KeyExpiryNoticesJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KeyExpiryNoticesJob> logger) : IJob
{
    public const string JobName = "key-expiry-notices";

    public string Name => JobName;

    public string Cron => "20 6 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var notices = scope.ServiceProvider.GetRequiredService<CredentialNotices>();
        var today = clock.Today();
        var horizon = today.AddDays(Credential.ExpiryNoticeStages.Max());
        var candidates = await db.Credentials
            .Where(c => c.OrganizationId != null && c.RevokedAt == null && c.ExpiresOn >= today && c.ExpiresOn <= horizon)
            .ToListAsync(cancellationToken);
        var organizations = candidates.Select(c => c.OrganizationId!.Value).Distinct().ToList();
        var successors = await db.Credentials.AsNoTracking()
            .Where(c => c.OrganizationId != null && organizations.Contains(c.OrganizationId.Value) && c.RevokedAt == null && c.ExpiresOn > horizon)
            .Select(c => new { c.OrganizationId, c.Role, c.Label }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sent = 0;
        var due = candidates
            .Where(c => !successors.Any(s => s.OrganizationId == c.OrganizationId && s.Role == c.Role && s.Label == c.Label))
            .Select(c => (Credential: c, Stage: c.ExpiryNoticeDue(today)))
            .Where(x => x.Stage is not null)
            .GroupBy(x => (x.Credential.OrganizationId!.Value, x.Stage!.Value));
        foreach (var group in due)
        {
            var (organizationId, stage) = group.Key;
            var keys = group.Select(x => x.Credential).OrderBy(c => c.ExpiresOn).ThenBy(c => c.Label).ToList();
            var expiresOn = keys[0].ExpiresOn;
            await notices.PublishAsync(db, organizationId, "credentials-expiring",
                $"Vos clés d'accès expirent le {French.Date(expiresOn)}",
                keys.Select(c => new Dictionary<string, object?>
                {
                    ["label"] = c.Label, ["role"] = CredentialNotices.RoleInFrench(c.Role), ["prefix"] = c.KeyPrefix, ["expires_on"] = French.Date(c.ExpiresOn),
                }).ToList(),
                $"credentials-expiring:{organizationId:N}:{expiresOn:yyyy-MM-dd}:{stage}", now, cancellationToken,
                new Dictionary<string, object?> { ["days"] = stage });
            keys.ForEach(c => c.ExpiryNoticeSent(stage));
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (sent > 0)
        {
            LogSent(logger, sent, today);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key expiry: {Count} letters on {Today:yyyy-MM-dd}")]
    private static partial void LogSent(ILogger logger, int count, DateOnly today);
}
