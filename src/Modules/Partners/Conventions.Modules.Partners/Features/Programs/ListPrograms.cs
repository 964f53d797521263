namespace Conventions.Modules.Partners.Features;

internal sealed record ListPrograms : IQuery<ListResponse<ProgramDto>>;

internal sealed class ListProgramsHandler(PartnersDbContext db, PageRequest page) : IQueryHandler<ListPrograms, ListResponse<ProgramDto>>
{
    public async ValueTask<ListResponse<ProgramDto>> Handle(ListPrograms query, CancellationToken cancellationToken)
    {
        var operators = await (from p in db.ProgramParticipants.AsNoTracking()
                               where p.IsOperator
                               join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                               select new { p.ProgramKey, o.Id, o.Name }).ToListAsync(cancellationToken);
        var items = new List<ProgramDto>();
        foreach (var key in ProgramKeys.All)
        {
            var members = await ProgramMembership.MembersOfAsync(db, [key], cancellationToken);
            items.Add(new ProgramDto(key, ProgramNames.Of(key),
                operators.Where(o => o.ProgramKey == key).OrderBy(o => o.Name).Select(o => new ProgramOrganizationDto(o.Id, o.Name)).ToList(),
                members.Count));
        }
        return Paging.Page(items, p => p.Key, page);
    }
}
