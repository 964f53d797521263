namespace Conventions.Modules.Ticketing.Features;

internal sealed record GetOffer(Guid Id) : IQuery<OfferDto>;

internal sealed class GetOfferHandler(TicketingDbContext db) : IQueryHandler<GetOffer, OfferDto>
{
    public async ValueTask<OfferDto> Handle(GetOffer query, CancellationToken cancellationToken) =>
        OfferMapping.ToDto(await db.Offers.AsNoTracking().Include(o => o.Sessions).SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken)
            ?? throw NotFoundException.For("offer", query.Id));
}
