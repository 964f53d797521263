using Conventions.BuildingBlocks.Caching;
using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary><c>Conventions:*</c> settings the Partners module reads.</summary>
internal sealed class PartnersSettings
{
    /// <summary>Month and day the programs' season ends (MM-dd): keys expire then by default. Culture pour tous runs October to September.</summary>
    public string SeasonEndsOn { get; set; } = "09-30";

    /// <summary>The first season end strictly after <paramref name="today"/>.</summary>
    public DateOnly NextSeasonEnd(DateOnly today)
    {
        var parts = SeasonEndsOn.Split('-');
        var (month, day) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var candidate = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
        return candidate > today ? candidate : new DateOnly(today.Year + 1, month, Math.Min(day, DateTime.DaysInMonth(today.Year + 1, month)));
    }
}

internal sealed record CredentialBody
{
    /// <summary>operator-admin, booker, visitor, publisher or partner.</summary>
    /// <example>booker</example>
    public Role? Role { get; init; }

    /// <example>Poste accueil</example>
    public string? Label { get; init; }

    /// <summary>Last day the key works. Defaults to the end of the program's season (a new key every year).</summary>
    /// <example>2027-09-30</example>
    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>The key is returned once and never again: only its hash is stored.</summary>
internal sealed record IssuedCredentialDto(Guid Id, string Key, Role Role, string Label, DateOnly ExpiresOn, Guid? Replaces);

internal sealed record CredentialDto(Guid Id, Role Role, string Label, string KeyPrefix, DateOnly ExpiresOn, CredentialState State, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, Guid? ReplacedById);

internal sealed record IssueCredential(Guid OrganizationId, CredentialBody Body) : ICommand<IssuedCredentialDto>;

internal sealed class IssueCredentialValidator : AbstractValidator<IssueCredential>
{
    public IssueCredentialValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Role).NotNull().WithMessage("Required: operator-admin, booker, visitor, publisher or partner.")
            .NotEqual(Role.PlatformAdmin).WithMessage("Platform admin keys are not issued to organizations.")
            .OverridePropertyName("role");
        RuleFor(c => c.Body.Label).RequiredText(200).OverridePropertyName("label");
        RuleFor(c => c.Body.ExpiresOn)
            .Must(d => d is null || d > clock.Today()).WithMessage("Must be after today.")
            .Must(d => d is null || d <= clock.Today().AddYears(3)).WithMessage("Must be within three years.")
            .OverridePropertyName("expiresOn");
    }
}

internal sealed class IssueCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, IOptions<PartnersSettings> settings)
    : ICommandHandler<IssueCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(IssueCredential command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        var actor = current.Actor;
        await OrganizationAccess.EnsureCanManageAsync(db, actor, organization, cancellationToken);
        var role = command.Body.Role!.Value;
        if (role == Role.OperatorAdmin && !actor.SeesEverything && actor.OrganizationId != organization.Id)
        {
            throw new ForbiddenException("credential.operator_admin_forbidden", "Only the platform issues operator admin keys to another organization.");
        }
        var today = clock.Today();
        var expiresOn = command.Body.ExpiresOn ?? settings.Value.NextSeasonEnd(today);
        var (credential, key) = Credential.Issue(organization.Id, role, command.Body.Label!, expiresOn, clock.GetUtcNow());
        db.Credentials.Add(credential);
        return new IssuedCredentialDto(credential.Id, key, credential.Role, credential.Label, credential.ExpiresOn, null);
    }
}

internal sealed record ListCredentials(Guid OrganizationId) : IQuery<ListResponse<CredentialDto>>;

internal sealed class ListCredentialsHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<ListCredentials, ListResponse<CredentialDto>>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListCredentials query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        var today = clock.Today();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == organization.Id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var items = credentials.Select(c => CredentialRules.ToDto(c, today)).ToList();
        return new ListResponse<CredentialDto>(items, items.Count);
    }
}

internal sealed record RevokeCredential(Guid OrganizationId, Guid CredentialId) : ICommand<CredentialDto>;

internal sealed class RevokeCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RevokeCredential, CredentialDto>
{
    public async ValueTask<CredentialDto> Handle(RevokeCredential command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        var credential = await CredentialRules.LoadAsync(db, command.OrganizationId, command.CredentialId, cancellationToken);
        credential.Revoke(clock.GetUtcNow());
        return CredentialRules.ToDto(credential, clock.Today());
    }
}

internal sealed record RotateCredential(Guid OrganizationId, Guid CredentialId) : ICommand<IssuedCredentialDto>;

internal sealed class RotateCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RotateCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(RotateCredential command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken);
        // Self-rotation: staff may replace the key they are calling with, never another key (nor a visitor code, which
        // the operator hands to beneficiaries).
        var selfRotation = actor.CredentialId == command.CredentialId && actor.OrganizationId == organization.Id && !actor.Is(Role.Visitor);
        if (!selfRotation)
        {
            await OrganizationAccess.EnsureCanReadAsync(db, actor, organization, cancellationToken);
            if (!await OrganizationAccess.CanManageAsync(db, actor, organization, cancellationToken))
            {
                throw new ForbiddenException("credential.rotate_forbidden", "Staff may rotate only the key they call with; the operator or the platform rotates the others.");
            }
        }
        var credential = await CredentialRules.LoadAsync(db, command.OrganizationId, command.CredentialId, cancellationToken);
        return CredentialRules.Rotate(db, credential, clock);
    }
}

/// <summary>Platform admin keys belong to no organization: listed, rotated and revoked by platform admins.</summary>
internal sealed record ListPlatformCredentials : IQuery<ListResponse<CredentialDto>>;

internal sealed record RotatePlatformCredential(Guid CredentialId) : ICommand<IssuedCredentialDto>;

/// <summary>Issues another platform admin key (a second administrator, or a replacement before revoking the bootstrap key).</summary>
internal sealed record IssuePlatformCredential(PlatformCredentialBody Body) : ICommand<IssuedCredentialDto>;

internal sealed record PlatformCredentialBody
{
    /// <example>Administratrice de la plateforme</example>
    public string? Label { get; init; }

    /// <summary>Last day the key works (default: one year from today).</summary>
    /// <example>2027-11-30</example>
    public DateOnly? ExpiresOn { get; init; }
}

internal sealed class IssuePlatformCredentialValidator : AbstractValidator<IssuePlatformCredential>
{
    public IssuePlatformCredentialValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Label).RequiredText(200).OverridePropertyName("label");
        RuleFor(c => c.Body.ExpiresOn)
            .Must(d => d is null || d > clock.Today()).WithMessage("Must be after today.")
            .Must(d => d is null || d <= clock.Today().AddYears(3)).WithMessage("Must be within three years.")
            .OverridePropertyName("expiresOn");
    }
}

internal sealed class IssuePlatformCredentialHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<IssuePlatformCredential, IssuedCredentialDto>
{
    public ValueTask<IssuedCredentialDto> Handle(IssuePlatformCredential command, CancellationToken cancellationToken)
    {
        var expiresOn = command.Body.ExpiresOn ?? clock.Today().AddYears(1);
        var (credential, key) = Credential.Issue(null, Role.PlatformAdmin, command.Body.Label!, expiresOn, clock.GetUtcNow());
        db.Credentials.Add(credential);
        return ValueTask.FromResult(new IssuedCredentialDto(credential.Id, key, credential.Role, credential.Label, credential.ExpiresOn, null));
    }
}

internal sealed record RevokePlatformCredential(Guid CredentialId) : ICommand<CredentialDto>;

internal sealed class PlatformCredentialHandlers(PartnersDbContext db, TimeProvider clock)
    : IQueryHandler<ListPlatformCredentials, ListResponse<CredentialDto>>,
      ICommandHandler<RotatePlatformCredential, IssuedCredentialDto>,
      ICommandHandler<RevokePlatformCredential, CredentialDto>
{
    public async ValueTask<ListResponse<CredentialDto>> Handle(ListPlatformCredentials query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == null).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var items = credentials.Select(c => CredentialRules.ToDto(c, today)).ToList();
        return new ListResponse<CredentialDto>(items, items.Count);
    }

    public async ValueTask<IssuedCredentialDto> Handle(RotatePlatformCredential command, CancellationToken cancellationToken) =>
        CredentialRules.Rotate(db, await LoadAsync(command.CredentialId, cancellationToken), clock);

    public async ValueTask<CredentialDto> Handle(RevokePlatformCredential command, CancellationToken cancellationToken)
    {
        var credential = await LoadAsync(command.CredentialId, cancellationToken);
        var today = clock.Today();
        var others = await db.Credentials.AsNoTracking()
            .Where(c => c.OrganizationId == null && c.Id != credential.Id && c.RevokedAt == null && c.ExpiresOn >= today)
            .AnyAsync(cancellationToken);
        if (!others)
        {
            throw new ConflictException("credential.last_platform_admin", "This is the last working platform admin key: rotate it instead.");
        }
        credential.Revoke(clock.GetUtcNow());
        return CredentialRules.ToDto(credential, today);
    }

    private async Task<Credential> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.OrganizationId == null, cancellationToken)
            ?? throw NotFoundException.For("credential", id);
}

internal static class CredentialRules
{
    public static CredentialDto ToDto(Credential c, DateOnly today) =>
        new(c.Id, c.Role, c.Label, c.KeyPrefix, c.ExpiresOn, c.StateOn(today), c.CreatedAt, c.RevokedAt, c.ReplacedById);

    public static async Task<Credential> LoadAsync(PartnersDbContext db, Guid organizationId, Guid credentialId, CancellationToken cancellationToken) =>
        await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.OrganizationId == organizationId, cancellationToken)
            ?? throw NotFoundException.For("credential", credentialId);

    /// <summary>
    /// The old key's row is updated under its concurrency token (<see cref="Credential.RowVersion"/>): of N concurrent
    /// rotations exactly one commits, the others get 409 <c>credential.changed</c> and their replacement is never saved.
    /// </summary>
    public static IssuedCredentialDto Rotate(PartnersDbContext db, Credential credential, TimeProvider clock)
    {
        var (replacement, key) = credential.Rotate(clock.Today(), clock.GetUtcNow());
        db.Credentials.Add(replacement);
        return new IssuedCredentialDto(replacement.Id, key, replacement.Role, replacement.Label, replacement.ExpiresOn, credential.Id);
    }
}

internal sealed class AuthenticateApiKeyHandler(PartnersDbContext db, TimeProvider clock, ApiKeyCache cache) : IQueryHandler<AuthenticateApiKey, ApiKeyIdentity?>
{
    public async ValueTask<ApiKeyIdentity?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.Key) || query.Key.Length > 200)
        {
            return null;
        }
        var key = await cache.Entries.GetOrLoadAsync(ApiKeys.Hash(query.Key), LoadAsync, cancellationToken);
        return key is null
            ? null
            : new ApiKeyIdentity(key.CredentialId, key.OrganizationId, key.Role, Credential.StateOn(key.RevokedAt, key.ExpiresOn, clock.Today()),
                key.OrganizationSuspended, key.SuspensionReason, key.Programs, key.OperatedPrograms);
    }

    /// <summary>The key and its organization's standing in one query, then the organization's programs.</summary>
    private async Task<CachedKey?> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        var key = await KeyByHash(db, hash);
        if (key?.OrganizationId is not { } organizationId)
        {
            return key;
        }
        var programs = await ProgramMembership.OfAsync(db, organizationId, cancellationToken);
        return key with { Programs = programs.MemberOf, OperatedPrograms = programs.Operates };
    }

    private static readonly Func<PartnersDbContext, string, Task<CachedKey?>> KeyByHash = EF.CompileAsyncQuery(
        (PartnersDbContext db, string hash) =>
            (from c in db.Credentials.AsNoTracking()
             where c.KeyHash == hash
             join o in db.Organizations.AsNoTracking() on c.OrganizationId equals (Guid?)o.Id into organizations
             from o in organizations.DefaultIfEmpty()
             select new CachedKey(c.Id, c.OrganizationId, c.Role, c.RevokedAt, c.ExpiresOn, o != null && o.IsSuspended, o != null ? o.SuspensionReason : null))
            .SingleOrDefault());
}

/// <summary>What the authentication of a key needs, cached for a few seconds; the state is computed on each call.</summary>
internal sealed record CachedKey(Guid CredentialId, Guid? OrganizationId, Role Role, DateTimeOffset? RevokedAt, DateOnly ExpiresOn, bool OrganizationSuspended, string? SuspensionReason)
{
    public IReadOnlyList<string> Programs { get; init; } = [];

    public IReadOnlyList<string> OperatedPrograms { get; init; } = [];
}

/// <summary>
/// Keys looked up by hash on every call, cached: a revocation, a rotation, a suspension or a reinstatement saved by this
/// process invalidates every entry at once (<see cref="PartnersDbContext"/> raises the signal); another process sharing
/// the database sees it within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly ChangeSignal Signal = new();

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    public ReadCache<string, CachedKey> Entries { get; } = new(Signal, clock, TimeToLive);
}

internal sealed class EnsurePlatformAdminHandler(PartnersDbContext db, TimeProvider clock) : ICommandHandler<EnsurePlatformAdmin, bool>
{
    public async ValueTask<bool> Handle(EnsurePlatformAdmin command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var hash = ApiKeys.Hash(command.Key);
        var admins = await db.Credentials.AsNoTracking().Where(c => c.Role == Role.PlatformAdmin && c.RevokedAt == null).ToListAsync(cancellationToken);
        if (admins.Any(c => c.StateOn(today) == CredentialState.Valid) || await db.Credentials.AnyAsync(c => c.KeyHash == hash, cancellationToken))
        {
            return false;
        }
        var (credential, _) = Credential.Issue(null, Role.PlatformAdmin, "Bootstrap platform admin", DateOnly.MaxValue, clock.GetUtcNow(), command.Key);
        db.Credentials.Add(credential);
        return true;
    }
}

internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations/{id:guid}/credentials").WithTags("Credentials");

        group.MapPost("/", async Task<Created<IssuedCredentialDto>> (Guid id, CredentialBody body, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueCredential(id, body), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Issues an API key for the organization. The key is in this response only; it expires at the end of the season unless expiresOn says otherwise.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/", async Task<Ok<ListResponse<CredentialDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCredentials(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Lists the organization's keys (never the keys themselves): platform admins and the operators of the organization's programs.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{credentialId:guid}/revoke", async Task<Ok<CredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeCredential(id, credentialId), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Revokes a key: it stops working at once (platform admins and the operators of the organization's programs).")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{credentialId:guid}/rotate", async Task<Created<IssuedCredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new RotateCredential(id, credentialId), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/credentials", issued);
            })
            .WithSummary("Replaces a key with a new one; the old key stops working at once. Staff may rotate the key they call with; the organization's operators and the platform rotate any. An expired or revoked key is not rotated (409); of concurrent rotations one wins, the others get 409.")
            .ProducesRefusals(401, 403, 404, 409);

        var platform = api.MapGroup("/platform/credentials").WithTags("Credentials");

        platform.MapGet("/", async Task<Ok<ListResponse<CredentialDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPlatformCredentials(), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: the platform admin keys (the bootstrap key among them), never the keys themselves.")
            .ProducesRefusals(401, 403);

        platform.MapPost("/", async Task<Created<IssuedCredentialDto>> (PlatformCredentialBody body, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssuePlatformCredential(body), ct);
                return TypedResults.Created("/api/v1/platform/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: issues another platform admin key (shown once).")
            .ProducesRefusals(400, 401, 403);

        platform.MapPost("/{credentialId:guid}/rotate", async Task<Created<IssuedCredentialDto>> (Guid credentialId, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new RotatePlatformCredential(credentialId), ct);
                return TypedResults.Created("/api/v1/platform/credentials", issued);
            })
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: replaces a platform admin key (the bootstrap key included); the old key stops working at once.")
            .ProducesRefusals(401, 403, 404, 409);

        platform.MapPost("/{credentialId:guid}/revoke", async Task<Ok<CredentialDto>> (Guid credentialId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokePlatformCredential(credentialId), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: revokes a platform admin key, unless it is the last one that works (409 credential.last_platform_admin).")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
