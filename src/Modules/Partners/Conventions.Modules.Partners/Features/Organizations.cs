using Conventions.BuildingBlocks.Access;
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

namespace Conventions.Modules.Partners.Features;

/// <summary>A postal address.</summary>
internal sealed record AddressInput
{
    /// <example>24, rue Etienne Rognon</example>
    public string? Line1 { get; init; }

    /// <example>"69007"</example>
    public string? PostalCode { get; init; }

    /// <example>Lyon</example>
    public string? City { get; init; }
}

/// <summary>Registers an organization (platform admins and operator admins; an operator's registrations join its program).</summary>
internal sealed record RegisterOrganization : ICommand<OrganizationDto>
{
    /// <example>Association Passerelles Solidaires</example>
    public string? Name { get; init; }

    /// <example>social-service</example>
    public OrganizationKind? Kind { get; init; }

    public AddressInput? Address { get; init; }

    /// <example>04 78 60 20 82</example>
    public string? Phone { get; init; }

    /// <example>https://www.culture-pour-tous.fr</example>
    public string? Website { get; init; }

    /// <example>contact@passerelles.example</example>
    public string? Email { get; init; }

    /// <summary>The organization agrees to show its phone number in the public directory.</summary>
    /// <example>false</example>
    public bool PublishPhone { get; init; }
}

internal sealed class AddressValidator : AbstractValidator<AddressInput>
{
    public AddressValidator()
    {
        RuleFor(a => a.Line1).RequiredText(300);
        RuleFor(a => a.PostalCode).RequiredText(20).Matches("^[0-9A-Za-z -]{2,20}$").WithMessage("Must be a postal code.");
        RuleFor(a => a.City).RequiredText(120);
    }
}

internal sealed class RegisterOrganizationValidator : AbstractValidator<RegisterOrganization>
{
    public RegisterOrganizationValidator()
    {
        RuleFor(c => c.Name).RequiredText(200);
        RuleFor(c => c.Kind).NotNull().WithMessage("Required: association, municipality, cultural-institution, sport-institution, social-service or other.");
        RuleFor(c => c.Address).NotNull().WithMessage("Required.").SetValidator(new AddressValidator()!);
        RuleFor(c => c.Phone).OptionalPhone();
        RuleFor(c => c.Website).OptionalWebsite();
        RuleFor(c => c.Email).OptionalEmail();
        RuleFor(c => c.PublishPhone).Must((c, publish) => !publish || !string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage("A phone number is needed to publish it.");
    }
}

internal sealed record ContactDto(Guid Id, string FullName, string? Title, string? Email, string? Phone, IReadOnlyList<ContactRole> Roles);

internal sealed record AddressDto(string Line1, string PostalCode, string City);

internal sealed record OrganizationDto(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    AddressDto Address,
    string? Phone,
    string? Website,
    string? Email,
    bool PublishPhone,
    bool IsSuspended,
    string? SuspensionReason,
    DateTimeOffset? SuspendedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Guid> OperatorIds,
    IReadOnlyList<ContactDto> Contacts);

internal static class OrganizationMapping
{
    public static OrganizationDto ToDto(Organization o) => new(
        o.Id, o.Name, o.Kind, ToDto(o.Address), o.Phone, o.Website, o.Email, o.PublishPhone,
        o.IsSuspended, o.SuspensionReason, o.SuspendedAt, o.CreatedAt,
        o.Operators.Select(x => x.OperatorOrganizationId).ToList(),
        o.Contacts.OrderBy(c => c.FullName).Select(ToDto).ToList());

    public static AddressDto ToDto(Address a) => new(a.Line1, a.PostalCode, a.City);

    public static ContactDto ToDto(Contact c) => new(c.Id, c.FullName, c.Title, c.Email, c.Phone, c.Roles);
}

internal sealed class RegisterOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<RegisterOrganization, OrganizationDto>
{
    public ValueTask<OrganizationDto> Handle(RegisterOrganization command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.SeesEverything && actor.OperatedPrograms is not { Count: > 0 })
        {
            throw new BuildingBlocks.Errors.ForbiddenException("program.operator_only", "Only the platform and the operators of a program register organizations.");
        }
        var address = new Address { Line1 = command.Address!.Line1!.Trim(), PostalCode = command.Address.PostalCode!.Trim(), City = command.Address.City!.Trim() };
        var organization = Organization.Register(
            Guid.NewGuid(), command.Name!, command.Kind!.Value, address,
            Blank(command.Phone), Blank(command.Website), Blank(command.Email), command.PublishPhone,
            actor.Role == Role.OperatorAdmin ? actor.OrganizationId : null,
            clock.GetUtcNow());
        db.Organizations.Add(organization);
        return ValueTask.FromResult(OrganizationMapping.ToDto(organization));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record GetOrganization(Guid Id) : IQuery<OrganizationDto>;

internal sealed class GetOrganizationHandler(PartnersDbContext db, ICurrentActor current) : IQueryHandler<GetOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(GetOrganization query, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, query.Id, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanReadAsync(db, current.Actor, organization, cancellationToken);
        return OrganizationMapping.ToDto(organization);
    }
}

internal sealed record ListOrganizations(OrganizationKind? Kind) : IQuery<ListResponse<OrganizationDto>>;

internal sealed class ListOrganizationsHandler(PartnersDbContext db, ICurrentActor current) : IQueryHandler<ListOrganizations, ListResponse<OrganizationDto>>
{
    public async ValueTask<ListResponse<OrganizationDto>> Handle(ListOrganizations query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organizations = db.Organizations.AsNoTracking().Include(o => o.Contacts).AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            var operated = actor.Role == Role.OperatorAdmin ? actor.OperatedPrograms ?? [] : [];
            var visible = operated.Count == 0 ? [] : await ProgramMembership.MembersOfAsync(db, operated, cancellationToken);
            organizations = organizations.Where(o => o.Id == own || visible.Contains(o.Id));
        }
        if (query.Kind is { } kind)
        {
            organizations = organizations.Where(o => o.Kind == kind);
        }
        var items = await organizations.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return new ListResponse<OrganizationDto>(items.Select(OrganizationMapping.ToDto).ToList(), items.Count);
    }
}

/// <summary>Suspends a partner's account for misuse (Culture pour tous art. 2): its keys then get 403.</summary>
internal sealed record SuspendOrganization(Guid OrganizationId, string? Reason) : ICommand<OrganizationDto>;

internal sealed record SuspendBody
{
    /// <example>Grand nombre de réservations inutilisées malgré les alertes.</example>
    public string? Reason { get; init; }
}

internal sealed class SuspendOrganizationValidator : AbstractValidator<SuspendOrganization>
{
    public SuspendOrganizationValidator() => RuleFor(c => c.Reason).RequiredParagraphs(1000);
}

internal sealed class SuspendOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<SuspendOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(SuspendOrganization command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        if (current.Actor.OrganizationId == organization.Id)
        {
            throw new BuildingBlocks.Errors.BusinessRuleException("organization.cannot_suspend_self", "An operator cannot suspend its own account.");
        }
        var now = clock.GetUtcNow();
        organization.Suspend(command.Reason!, now);
        db.Publish(new OrganizationSuspended(now, organization.Id, organization.SuspensionReason!));
        return OrganizationMapping.ToDto(organization);
    }
}

internal sealed record ReactivateOrganization(Guid OrganizationId) : ICommand<OrganizationDto>;

internal sealed class ReactivateOrganizationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<ReactivateOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(ReactivateOrganization command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        await OrganizationAccess.EnsureCanManageAsync(db, current.Actor, organization, cancellationToken);
        organization.Reactivate();
        db.Publish(new OrganizationReactivated(clock.GetUtcNow(), organization.Id));
        return OrganizationMapping.ToDto(organization);
    }
}

/// <summary>Adds a contact: a signatory, a referent (the program's privileged contact), staff.</summary>
internal sealed record AddContact(Guid OrganizationId, ContactBody Body) : ICommand<ContactDto>;

internal sealed record ContactBody
{
    /// <example>Karim BENALI</example>
    public string? FullName { get; init; }

    /// <example>Référent Culture pour tous</example>
    public string? Title { get; init; }

    /// <example>k.benali@passerelles.example</example>
    public string? Email { get; init; }

    /// <example>04 72 00 00 00</example>
    public string? Phone { get; init; }

    /// <example>["referent"]</example>
    public IReadOnlyList<ContactRole>? Roles { get; init; }
}

internal sealed class AddContactValidator : AbstractValidator<AddContact>
{
    public AddContactValidator()
    {
        RuleFor(c => c.Body.FullName).RequiredText(200).OverridePropertyName("fullName");
        RuleFor(c => c.Body.Title).OptionalText(200).OverridePropertyName("title");
        RuleFor(c => c.Body.Email).OptionalEmail().OverridePropertyName("email");
        RuleFor(c => c.Body.Phone).OptionalPhone().OverridePropertyName("phone");
        RuleFor(c => c.Body.Roles).NotEmpty().WithMessage("At least one role: signatory, referent or staff.").OverridePropertyName("roles");
        RuleFor(c => c.Body.Email).NotEmpty().When(c => c.Body.Roles?.Contains(ContactRole.Referent) == true)
            .WithMessage("A referent needs an e-mail address: notices are sent there.").OverridePropertyName("email");
    }
}

internal sealed class AddContactHandler(PartnersDbContext db, ICurrentActor current) : ICommandHandler<AddContact, ContactDto>
{
    public async ValueTask<ContactDto> Handle(AddContact command, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAccess.LoadAsync(db, command.OrganizationId, cancellationToken, withContacts: true);
        var actor = current.Actor;
        // Contacts decide who receives the organization's notices: its managers and its own partner staff set them.
        if (!actor.IsStaffOf(organization.Id, Role.Partner))
        {
            await OrganizationAccess.EnsureCanManageAsync(db, actor, organization, cancellationToken);
        }
        var body = command.Body;
        var contact = organization.AddContact(body.FullName!, Blank(body.Title), Blank(body.Email), Blank(body.Phone), body.Roles!.ToList());
        db.Contacts.Add(contact);
        return OrganizationMapping.ToDto(contact);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

internal static class OrganizationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");

        group.MapPost("/", async Task<Created<OrganizationDto>> (RegisterOrganization command, IMediator mediator, CancellationToken ct) =>
            {
                var organization = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Registers an organization. An operator admin's registration joins the operator's programs; an operator admin whose organization operates no program gets 403 program.operator_only.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/", async Task<Ok<ListResponse<OrganizationDto>>> (OrganizationKind? kind, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrganizations(kind), ct)))
            .WithSummary("Lists the organizations the caller may see: all for platform admins, those of an operator's programs, otherwise the caller's own.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<OrganizationDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrganization(id), ct)))
            .WithSummary("Reads an organization with its contacts.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/contacts", async Task<Created<ContactDto>> (Guid id, ContactBody body, IMediator mediator, CancellationToken ct) =>
            {
                var contact = await mediator.Send(new AddContact(id, body), ct);
                return TypedResults.Created($"/api/v1/organizations/{id}", contact);
            })
            .WithSummary("Adds a contact (signatory, referent, staff) to an organization: its partner staff, the operators of its programs, the platform.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{id:guid}/suspend", async Task<Ok<OrganizationDto>> (Guid id, SuspendBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SuspendOrganization(id, body.Reason), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Suspends a partner's account for misuse: its keys get 403 organization.suspended until reactivated.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/reactivate", async Task<Ok<OrganizationDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReactivateOrganization(id), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Reactivates a suspended account.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
