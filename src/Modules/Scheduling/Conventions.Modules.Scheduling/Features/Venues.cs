using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Scheduling.Domain;
using Conventions.Modules.Scheduling.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record VenueAddressInput
{
    /// <example>Place Bertin-Boissin</example>
    public string? Line1 { get; init; }

    /// <example>"30200"</example>
    public string? PostalCode { get; init; }

    /// <example>Bagnols-sur-Cèze</example>
    public string? City { get; init; }
}

internal sealed record CreateVenue : ICommand<VenueDto>
{
    /// <example>La Ruche Numérique</example>
    public string? Name { get; init; }

    public Guid? OperatorOrganizationId { get; init; }

    public VenueAddressInput? Address { get; init; }
}

internal sealed record RoomDto(Guid Id, string Name, RoomKind Kind, int Capacity, bool HasInternet);

internal sealed record ClosureDto(Guid Id, DateOnly From, DateOnly To, string Reason);

internal sealed record VenueDto(Guid Id, string Name, Guid OperatorOrganizationId, string Line1, string PostalCode, string City, IReadOnlyList<RoomDto> Rooms, IReadOnlyList<ClosureDto> Closures);

internal static class VenueMapping
{
    public static VenueDto ToDto(Venue v) => new(
        v.Id, v.Name, v.OperatorOrganizationId, v.Line1, v.PostalCode, v.City,
        v.Rooms.OrderBy(r => r.Name).Select(r => new RoomDto(r.Id, r.Name, r.Kind, r.Capacity, r.HasInternet)).ToList(),
        v.Closures.OrderBy(c => c.From).Select(c => new ClosureDto(c.Id, c.From, c.To, c.Reason)).ToList());
}

internal sealed class CreateVenueValidator : AbstractValidator<CreateVenue>
{
    public CreateVenueValidator()
    {
        RuleFor(c => c.Name).RequiredText(200);
        RuleFor(c => c.OperatorOrganizationId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Address).NotNull().WithMessage("Required.");
        RuleFor(c => c.Address!.Line1).RequiredText(300).When(c => c.Address is not null);
        RuleFor(c => c.Address!.PostalCode).RequiredText(20).When(c => c.Address is not null);
        RuleFor(c => c.Address!.City).RequiredText(120).When(c => c.Address is not null);
    }
}

internal sealed class CreateVenueHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator) : ICommandHandler<CreateVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(CreateVenue command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var operatorId = command.OperatorOrganizationId!.Value;
        if (!actor.SeesEverything && !(actor.Operates(SchedulingAccess.Program) && actor.OrganizationId == operatorId))
        {
            throw new ForbiddenException("venue.operator_only", "An operator of La Ruche Numérique registers its own venues.");
        }
        if (await mediator.Send(new GetOrganizationSummary(operatorId), cancellationToken) is null)
        {
            throw new BusinessRuleException("venue.unknown_operator", $"No organization with id '{operatorId}'.");
        }
        if (!(await mediator.Send(new GetOrganizationPrograms(operatorId), cancellationToken)).IsOperatorOf(SchedulingAccess.Program))
        {
            throw new BusinessRuleException("venue.operator_not_in_program", "A venue's operator must be an operator of La Ruche Numérique.");
        }
        var venue = new Venue
        {
            Id = Guid.NewGuid(),
            Name = command.Name!.Trim(),
            OperatorOrganizationId = operatorId,
            Line1 = command.Address!.Line1!.Trim(),
            PostalCode = command.Address.PostalCode!.Trim(),
            City = command.Address.City!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Venues.Add(venue);
        return VenueMapping.ToDto(venue);
    }
}

internal sealed record RoomBody
{
    /// <example>Salle de formation</example>
    public string? Name { get; init; }

    /// <example>room</example>
    public RoomKind? Kind { get; init; }

    /// <example>12</example>
    public int? Capacity { get; init; }

    /// <example>true</example>
    public bool? HasInternet { get; init; }
}

internal sealed record AddRoom(Guid VenueId, RoomBody Body) : ICommand<RoomDto>;

internal sealed class AddRoomValidator : AbstractValidator<AddRoom>
{
    public AddRoomValidator()
    {
        RuleFor(c => c.Body.Name).RequiredText(120);
        RuleFor(c => c.Body.Kind).NotNull().WithMessage("Required: room or office.");
        RuleFor(c => c.Body.Capacity).NotNull().WithMessage("Required.").InclusiveBetween(1, 500);
    }
}

internal sealed class AddRoomHandler(SchedulingDbContext db, ICurrentActor current) : ICommandHandler<AddRoom, RoomDto>
{
    public async ValueTask<RoomDto> Handle(AddRoom command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var room = new Room
        {
            Id = Guid.NewGuid(),
            VenueId = venue.Id,
            Name = command.Body.Name!.Trim(),
            Kind = command.Body.Kind!.Value,
            Capacity = command.Body.Capacity!.Value,
            HasInternet = command.Body.HasInternet ?? false,
        };
        db.Rooms.Add(room);
        return new RoomDto(room.Id, room.Name, room.Kind, room.Capacity, room.HasInternet);
    }
}

internal sealed record ClosureBody
{
    /// <example>2026-12-24</example>
    public DateOnly? From { get; init; }

    /// <example>2027-01-02</example>
    public DateOnly? To { get; init; }

    /// <example>Fermeture de fin d'année</example>
    public string? Reason { get; init; }
}

internal sealed record ClosureResultDto(ClosureDto Closure, IReadOnlyList<OccurrenceDto> CancelledOccurrences);

internal sealed record AddClosure(Guid VenueId, ClosureBody Body) : ICommand<ClosureResultDto>;

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator()
    {
        RuleFor(c => c.Body.From).NotNull().WithMessage("Required.").Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("Must be a date between 2000 and 2100.");
        RuleFor(c => c.Body.To).NotNull().WithMessage("Required.")
            .Must((c, to) => to is null || c.Body.From is null || (to >= c.Body.From && to <= c.Body.From.Value.AddYears(1))).WithMessage("Must be on or after the start, within a year.");
        RuleFor(c => c.Body.Reason).RequiredText(300);
    }
}

/// <summary>Closes the venue; planned occurrences in the closure are cancelled and their people notified.</summary>
internal sealed class AddClosureHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, OccurrenceCancellation cancellation)
    : ICommandHandler<AddClosure, ClosureResultDto>
{
    public async ValueTask<ClosureResultDto> Handle(AddClosure command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var body = command.Body;
        var closure = new Closure { Id = Guid.NewGuid(), VenueId = venue.Id, From = body.From!.Value, To = body.To!.Value, Reason = body.Reason!.Trim() };
        db.Closures.Add(closure);
        var now = clock.GetUtcNow();
        var affected = await db.Occurrences.Include(o => o.Appointments)
            .Where(o => o.VenueId == venue.Id && o.Status == OccurrenceStatus.Planned && o.Date >= closure.From && o.Date <= closure.To && o.StartsAt > now)
            .ToListAsync(cancellationToken);
        affected = affected.OrderBy(o => o.StartsAt).ToList();
        foreach (var occurrence in affected)
        {
            await cancellation.CancelAsync(db, venue, occurrence, $"Fermeture du lieu : {closure.Reason}", now, cancellationToken);
        }
        return new ClosureResultDto(new ClosureDto(closure.Id, closure.From, closure.To, closure.Reason), affected.Select(SchedulingMapping.ToDto).ToList());
    }
}

internal sealed record GetVenue(Guid Id) : IQuery<VenueDto>;

internal sealed class GetVenueHandler(SchedulingDbContext db, ICurrentActor current) : IQueryHandler<GetVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(GetVenue query, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, query.Id, cancellationToken);
        SchedulingAccess.EnsureInProgram(current.Actor);
        return VenueMapping.ToDto(venue);
    }
}

internal static class VenueEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/venues").WithTags("Venues");

        group.MapPost("/", async Task<Created<VenueDto>> (CreateVenue command, IMediator mediator, CancellationToken ct) =>
            {
                var venue = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/venues/{venue.Id}", venue);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Registers a venue lending rooms and offices (its operator's admins).")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/{id:guid}", async Task<Ok<VenueDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetVenue(id), ct)))
            .WithSummary("A venue with its rooms, offices and closures.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/rooms", async Task<Created<RoomDto>> (Guid id, RoomBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}", await mediator.Send(new AddRoom(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Adds a room or an office (capacity, internet access).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapPost("/{id:guid}/closures", async Task<Created<ClosureResultDto>> (Guid id, ClosureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}", await mediator.Send(new AddClosure(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Closes the venue for a period; the planned occurrences in it are cancelled and their people notified.")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
