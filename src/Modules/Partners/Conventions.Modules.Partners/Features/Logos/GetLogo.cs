namespace Conventions.Modules.Partners.Features;

/// <summary>An organization's logo, for any caller with a valid key (it is printed on documents both parties hold).</summary>
internal sealed record GetLogo(Guid OrganizationId) : IQuery<OrganizationLogoImage>;

internal sealed class GetLogoHandler(IMediator mediator) : IQueryHandler<GetLogo, OrganizationLogoImage>
{
    public async ValueTask<OrganizationLogoImage> Handle(GetLogo query, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrganizationLogo(query.OrganizationId), cancellationToken)
            ?? throw NotFoundException.For("logo", query.OrganizationId);
}

internal sealed class GetOrganizationLogoHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationLogo, OrganizationLogoImage?>
{
    public async ValueTask<OrganizationLogoImage?> Handle(GetOrganizationLogo query, CancellationToken cancellationToken) =>
        await db.Logos.AsNoTracking().Where(l => l.OrganizationId == query.OrganizationId)
            .Select(l => new OrganizationLogoImage(l.ContentType, l.Content, l.Sha256)).SingleOrDefaultAsync(cancellationToken);
}
