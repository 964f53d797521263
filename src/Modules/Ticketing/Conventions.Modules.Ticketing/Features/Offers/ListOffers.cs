namespace Conventions.Modules.Ticketing.Features;

internal sealed record ListOffers(OfferCategory? Category, string? City, DateTimeOffset? UpdatedSince = null, ListOrder? Order = null) : IQuery<ListResponse<OfferDto>>;

internal sealed class ListOffersHandler(TicketingDbContext db, PageRequest page) : IQueryHandler<ListOffers, ListResponse<OfferDto>>
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
        if (query.UpdatedSince is { } since)
        {
            offers = offers.Where(o => o.UpdatedAt >= since);
        }
        return query.Order == ListOrder.Updated
            ? await offers.PageAsync(o => o.UpdatedAt, o => o.Id, page, OfferMapping.ToDto, cancellationToken)
            : await offers.PageAsync(o => o.Title, o => o.Id, page, OfferMapping.ToDto, cancellationToken);
    }
}
