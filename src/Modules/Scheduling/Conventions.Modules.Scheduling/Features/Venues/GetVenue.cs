namespace Conventions.Modules.Scheduling.Features;

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
