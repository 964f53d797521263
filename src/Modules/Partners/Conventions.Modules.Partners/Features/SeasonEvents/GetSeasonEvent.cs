namespace Conventions.Modules.Partners.Features;

/// <summary>A season event, its seats and the registrations the caller may see.</summary>
internal sealed record GetSeasonEvent(Guid Id) : IQuery<SeasonEventDto>;

internal sealed class GetSeasonEventHandler(PartnersDbContext db, ICurrentActor current) : IQueryHandler<GetSeasonEvent, SeasonEventDto>
{
    public async ValueTask<SeasonEventDto> Handle(GetSeasonEvent query, CancellationToken cancellationToken)
    {
        var e = await SeasonEventAccess.LoadAsync(db, query.Id, cancellationToken);
        SeasonEventAccess.EnsureCanSee(current.Actor, e);
        return SeasonEventAccess.ToDto(e, current.Actor);
    }
}
