namespace Conventions.Modules.Ticketing.Features;

internal sealed record ListOffers(OfferCategory? Category, string? City) : IQuery<ListResponse<OfferDto>>;

internal sealed class ListOffersHandler(TicketingDbContext db) : IQueryHandler<ListOffers, ListResponse<OfferDto>>
{
    public async ValueTask<ListResponse<OfferDto>> Handle(ListOffers query, CancellationToken cancellationToken)
    {
        var offers = db.Offers.AsNoTracking().Include(o => o.Sessions).AsQueryable();
        if (query.Category is { } category)
        {
            offers = offers.Where(o => o.Category == category);
        }
        if (!string.IsNullOrWhiteSpace(query.City))
        {
            offers = offers.Where(o => o.City == query.City);
        }
        var items = await offers.OrderBy(o => o.Title).ToListAsync(cancellationToken);
        return new ListResponse<OfferDto>(items.Select(OfferMapping.ToDto).ToList(), items.Count);
    }
}
