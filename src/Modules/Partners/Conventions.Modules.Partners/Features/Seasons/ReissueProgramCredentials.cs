using Conventions.BuildingBlocks.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

internal sealed record ReissueBody
{
    /// <summary>Reissue the keys expiring on or before this date (default: the season's end coming next).</summary>
    /// <example>2027-09-30</example>
    public DateOnly? ExpiringBy { get; init; }
}

/// <summary>Per organization: how many keys were reissued and how many referents the letter went to. Never a key.</summary>
internal sealed record ReissuedOrganizationDto(Guid OrganizationId, string Name, int Keys, int Recipients);

internal sealed record ReissueReportDto(string Program, DateOnly ExpiringBy, DateOnly NewKeysExpireOn, int Keys, IReadOnlyList<ReissuedOrganizationDto> Organizations);

/// <summary>
/// The operator reissues its program's keys for the next season in one call (issue 19): for every valid key of the
/// program's member organizations expiring by the season's end (and not reissued yet), a one-time link to collect its
/// successor goes to the organization's referents by notice. The operator gets counts, never keys nor links.
/// </summary>
internal sealed record ReissueProgramCredentials(string Program, ReissueBody Body) : ICommand<ReissueReportDto>;

internal sealed class ReissueProgramCredentialsHandler(
    PartnersDbContext db, ICurrentActor current, TimeProvider clock, IOptions<PartnersSettings> settings, CredentialNotices notices, IMediator mediator)
    : ICommandHandler<ReissueProgramCredentials, ReissueReportDto>
{
    public async ValueTask<ReissueReportDto> Handle(ReissueProgramCredentials command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!ProgramKeys.All.Contains(command.Program))
        {
            throw new NotFoundException("program.not_found", $"No program '{command.Program}'.");
        }
        if (!actor.Operates(command.Program))
        {
            throw new ForbiddenException("program.operator_only", "Only the program's operators reissue its keys.");
        }
        var today = clock.Today();
        var expiringBy = command.Body.ExpiringBy ?? settings.Value.NextSeasonEnd(today.AddDays(-1));
        var newExpiry = settings.Value.NextSeasonEnd(expiringBy);
        // The program's members, other operators' admin keys excepted (an operator reissues its own and its partners').
        var members = await db.ProgramParticipants.AsNoTracking().Where(p => p.ProgramKey == command.Program)
            .Select(p => new { p.OrganizationId, p.IsOperator }).ToListAsync(cancellationToken);
        var memberIds = members.Where(m => !m.IsOperator || actor.SeesEverything || m.OrganizationId == actor.OrganizationId).Select(m => m.OrganizationId).ToList();
        var expiring = await db.Credentials
            .Where(c => c.OrganizationId != null && memberIds.Contains(c.OrganizationId.Value) && c.RevokedAt == null && c.ExpiresOn >= today && c.ExpiresOn <= expiringBy)
            .ToListAsync(cancellationToken);
        var expiringIds = expiring.Select(c => c.Id).ToList();
        var alreadyReissued = (await db.CredentialClaims.AsNoTracking().Where(c => expiringIds.Contains(c.ReplacesCredentialId))
            .Select(c => c.ReplacesCredentialId).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var report = new List<ReissuedOrganizationDto>();
        foreach (var group in expiring.Where(c => !alreadyReissued.Contains(c.Id)).GroupBy(c => c.OrganizationId!.Value))
        {
            var keys = new List<Dictionary<string, object?>>();
            foreach (var credential in group.OrderBy(c => c.Label))
            {
                var (claim, token) = CredentialClaim.For(credential, newExpiry, now);
                db.CredentialClaims.Add(claim);
                keys.Add(new Dictionary<string, object?>
                {
                    ["label"] = credential.Label, ["role"] = CredentialNotices.RoleInFrench(credential.Role), ["expires_on"] = French.Date(newExpiry),
                    ["claim_url"] = $"/api/v1/credential-claims/{token}",
                });
            }
            var organization = await mediator.Send(new GetOrganizationSummary(group.Key), cancellationToken);
            await notices.PublishAsync(db, group.Key, "credentials-reissued", $"Vos nouvelles clés d'accès pour la saison qui se termine le {French.Date(newExpiry)}", keys,
                $"credentials-reissued:{group.Key:N}:{newExpiry:yyyy-MM-dd}:{now.ToUnixTimeMilliseconds()}", now, cancellationToken,
                new Dictionary<string, object?> { ["claimable_until"] = French.Date(DateOnly.FromDateTime(ParisTime.ToParis(now + CredentialClaim.Lifetime).DateTime)) });
            report.Add(new ReissuedOrganizationDto(group.Key, organization?.Name ?? string.Empty, keys.Count,
                organization is null ? 0 : global::Conventions.Modules.Notices.Contracts.NoticeRecipients.ReferentsOf(organization).Count));
        }
        return new ReissueReportDto(command.Program, expiringBy, newExpiry, report.Sum(r => r.Keys), report.OrderBy(r => r.Name, StringComparer.Ordinal).ToList());
    }
}
