using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conventions.Modules.Partners.Features;

internal sealed class RecordPersonalDataAccessHandler(PartnersDbContext db) : ICommandHandler<RecordPersonalDataAccess, bool>
{
    public ValueTask<bool> Handle(RecordPersonalDataAccess command, CancellationToken cancellationToken)
    {
        db.PersonalDataAccesses.Add(new PersonalDataAccess
        {
            Id = Guid.CreateVersion7(command.At),
            At = command.At,
            CredentialId = command.CredentialId,
            OrganizationId = command.OrganizationId,
            Role = command.Role,
            Resource = command.Resource,
            Request = command.Request.Length > 500 ? command.Request[..500] : command.Request,
        });
        return ValueTask.FromResult(true);
    }
}

/// <summary>An entry of the personal-data access log.</summary>
internal sealed record PersonalDataAccessDto(Guid Id, DateTimeOffset At, Guid? CredentialId, Guid? OrganizationId, string? Role, string Resource, string Request);

/// <summary>
/// The access log, newest first: the platform sees every entry (or one organization's with <c>organizationId</c>); an
/// organization's operator admins and partner staff see the reads made with their own organization's keys.
/// </summary>
internal sealed record ListPersonalDataAccess(Guid? OrganizationId) : IQuery<ListResponse<PersonalDataAccessDto>>;

internal sealed class ListPersonalDataAccessHandler(PartnersDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListPersonalDataAccess, ListResponse<PersonalDataAccessDto>>
{
    public async ValueTask<ListResponse<PersonalDataAccessDto>> Handle(ListPersonalDataAccess query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organization = actor.SeesEverything ? query.OrganizationId : actor.OrganizationId;
        if (!actor.SeesEverything && query.OrganizationId is { } asked && asked != actor.OrganizationId)
        {
            throw new ForbiddenException("organization.forbidden", "You read your own organization's access log only.");
        }
        var entries = db.PersonalDataAccesses.AsNoTracking();
        if (organization is { } id)
        {
            entries = entries.Where(e => e.OrganizationId == id);
        }
        return await entries.PageAsync(e => e.At, e => e.Id, page,
            e => new PersonalDataAccessDto(e.Id, e.At, e.CredentialId, e.OrganizationId, e.Role, e.Resource, e.Request), cancellationToken, descending: true);
    }
}

/// <summary>
/// The <c>retention-access-log</c> job (nightly): forgets the access log's entries older than 12 months, oldest first,
/// by pages at SQLite's write gate (<see cref="PagedDelete"/>): every read of personal data leaves an entry, so a busy
/// day a year ago may leave thousands.
/// </summary>
internal sealed partial class AccessLogRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ForegroundLoad load, ILogger<AccessLogRetentionJob> logger) : IJob
{
    public const string JobName = "retention-access-log";

    public const int PageSize = 500;

    public string Name => JobName;

    public string Cron => "50 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = ParisTime.StartOf(clock.Today().AddMonths(-configuration.GetValue("PersonalData:AccessLogMonths", 12)));
        var removed = await PagedDelete.RunAsync(scopes, typeof(PartnersDbContext), PageSize, load, (context, ct) => DeletePageAsync((PartnersDbContext)context, cutoff, ct), cancellationToken);
        if (removed > 0)
        {
            LogRemoved(logger, removed, cutoff);
        }
        return removed;
    }

    /// <summary>One page: the <see cref="PageSize"/> oldest entries before <paramref name="cutoff"/>, along the index on the instant.</summary>
    public static Task<int> DeletePageAsync(PartnersDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var page = db.PersonalDataAccesses.Where(e => e.At < cutoff).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id).Take(PageSize);
        return db.PersonalDataAccesses.Where(e => page.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} access-log entries older than {Cutoff:yyyy-MM-dd} removed")]
    private static partial void LogRemoved(ILogger logger, int count, DateTimeOffset cutoff);
}
