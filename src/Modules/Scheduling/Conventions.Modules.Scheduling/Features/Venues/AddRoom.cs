using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

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
