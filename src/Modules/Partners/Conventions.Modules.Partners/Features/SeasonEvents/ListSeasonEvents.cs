namespace Conventions.Modules.Partners.Features;

/// <summary>
/// The season events the caller may see, soonest first: an operator its own (every status), a partner those of its
/// programs in the programme for its kind of organization, and its own proposals.
/// </summary>
internal sealed record ListSeasonEvents(string? Program) : IQuery<ListResponse<SeasonEventDto>>;

internal sealed class ListSeasonEventsHandler(PartnersDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListSeasonEvents, ListResponse<SeasonEventDto>>
{
    public async ValueTask<ListResponse<SeasonEventDto>> Handle(ListSeasonEvents query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var events = db.SeasonEvents.AsNoTracking().Include(e => e.Registrations).AsQueryable();
        if (query.Program is { } program)
        {
            events = events.Where(e => e.ProgramKey == program);
        }
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            var programs = (actor.Programs ?? []).ToList();
            var operated = programs.Where(actor.Operates).ToList();
            events = events.Where(e => (operated.Contains(e.ProgramKey) && e.OperatorOrganizationId == own)
                || (programs.Contains(e.ProgramKey) && (e.Status == SeasonEventStatus.Scheduled || e.ProposedByOrganizationId == own)));
        }
        return await events.PageAsync(e => e.StartsAt, e => e.Id, page, e => SeasonEventAccess.ToDto(e, actor), cancellationToken);
    }
}
