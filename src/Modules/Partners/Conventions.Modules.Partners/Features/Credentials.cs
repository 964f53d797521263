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
        OrganizationAccess.EnsureCanManage(actor, organization);
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
        CredentialRules.EnsureCanHandleKeys(current.Actor, organization);
        var today = clock.Today();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OrganizationId == organization.Id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var items = credentials.Select(c => new CredentialDto(c.Id, c.Role, c.Label, c.KeyPrefix, c.ExpiresOn, c.StateOn(today), c.CreatedAt, c.RevokedAt, c.ReplacedById)).ToList();
        return new ListResponse<CredentialDto>(items, items.Count);
    }
}

internal sealed record RevokeCredential(Guid OrganizationId, Guid CredentialId) : ICommand<CredentialDto>;

internal sealed class RevokeCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RevokeCredential, CredentialDto>
{
    public async ValueTask<CredentialDto> Handle(RevokeCredential command, CancellationToken cancellationToken)
    {
        var credential = await CredentialRules.LoadAsync(db, current.Actor, command.OrganizationId, command.CredentialId, cancellationToken);
        credential.Revoke(clock.GetUtcNow());
        return new CredentialDto(credential.Id, credential.Role, credential.Label, credential.KeyPrefix, credential.ExpiresOn, CredentialState.Revoked, credential.CreatedAt, credential.RevokedAt, credential.ReplacedById);
    }
}

internal sealed record RotateCredential(Guid OrganizationId, Guid CredentialId) : ICommand<IssuedCredentialDto>;

internal sealed class RotateCredentialHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RotateCredential, IssuedCredentialDto>
{
    public async ValueTask<IssuedCredentialDto> Handle(RotateCredential command, CancellationToken cancellationToken)
    {
        var credential = await CredentialRules.LoadAsync(db, current.Actor, command.OrganizationId, command.CredentialId, cancellationToken);
        var (replacement, key) = credential.Rotate(clock.Today(), clock.GetUtcNow());
        db.Credentials.Add(replacement);
        return new IssuedCredentialDto(replacement.Id, key, replacement.Role, replacement.Label, replacement.ExpiresOn, credential.Id);
    }
}

internal static class CredentialRules
{
    /// <summary>An organization's keys are handled by its managers and by its own staff (not visitors).</summary>
    public static void EnsureCanHandleKeys(Actor actor, Organization organization)
    {
        OrganizationAccess.EnsureCanRead(actor, organization);
        if (!OrganizationAccess.CanManage(actor, organization) && actor.Is(Role.Visitor))
        {
            throw new ForbiddenException("auth.role_forbidden", "A visitor key cannot manage keys.");
        }
    }

    public static async Task<Credential> LoadAsync(PartnersDbContext db, Actor actor, Guid organizationId, Guid credentialId, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, organizationId, cancellationToken);
        EnsureCanHandleKeys(actor, organization);
        return await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.OrganizationId == organizationId, cancellationToken)
            ?? throw NotFoundException.For("credential", credentialId);
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
                key.OrganizationSuspended, key.SuspensionReason);
    }

    /// <summary>The key and its organization's standing in one query.</summary>
    private Task<CachedKey?> LoadAsync(string hash, CancellationToken cancellationToken) => KeyByHash(db, hash);

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
internal sealed record CachedKey(Guid CredentialId, Guid? OrganizationId, Role Role, DateTimeOffset? RevokedAt, DateOnly ExpiresOn, bool OrganizationSuspended, string? SuspensionReason);

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
            .WithSummary("Lists the organization's keys (never the keys themselves).")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{credentialId:guid}/revoke", async Task<Ok<CredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeCredential(id, credentialId), ct)))
            .WithSummary("Revokes a key: it stops working at once.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{credentialId:guid}/rotate", async Task<Created<IssuedCredentialDto>> (Guid id, Guid credentialId, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new RotateCredential(id, credentialId), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/credentials", issued);
            })
            .WithSummary("Replaces a key with a new one; the old key stops working at once.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
