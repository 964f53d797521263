namespace Conventions.Modules.Partners.Features;

internal sealed class GetOrganizationProgramsHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationPrograms, OrganizationPrograms>
{
    public async ValueTask<OrganizationPrograms> Handle(GetOrganizationPrograms query, CancellationToken cancellationToken) =>
        await ProgramMembership.OfAsync(db, query.OrganizationId, cancellationToken);
}
