namespace Conventions.Modules.Ticketing.Features;

/// <summary>The published texts, newest first, for the program or one offer: public, no key needed.</summary>
internal sealed record ListPublishedWritings(Guid? OfferId) : IQuery<ListResponse<PublicWritingDto>>;

internal sealed class ListPublishedWritingsHandler(TicketingDbContext db, PageRequest page) : IQueryHandler<ListPublishedWritings, ListResponse<PublicWritingDto>>
{
    public async ValueTask<ListResponse<PublicWritingDto>> Handle(ListPublishedWritings query, CancellationToken cancellationToken)
    {
        var writings = db.Writings.AsNoTracking().Where(w => w.Status == WritingStatus.Published);
        if (query.OfferId is { } offerId)
        {
            writings = writings.Where(w => w.OfferId == offerId);
        }
        var found = await writings.PageAsync(w => w.PublishedAt, w => w.Id, page, w => w, cancellationToken, descending: true);
        var offerIds = found.Items.Select(w => w.OfferId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).Select(o => new { o.Id, o.Title, o.Category }).ToDictionaryAsync(o => o.Id, cancellationToken);
        return new ListResponse<PublicWritingDto>(
            found.Items.Select(w => new PublicWritingDto(w.Id, w.OfferId, offers[w.OfferId].Title, offers[w.OfferId].Category, w.AuthorName, w.Text, w.PublishedAt!.Value)).ToList(),
            found.Total) { Next = found.Next };
    }
}
