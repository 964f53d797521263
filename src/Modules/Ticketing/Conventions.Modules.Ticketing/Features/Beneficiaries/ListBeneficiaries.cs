namespace Conventions.Modules.Ticketing.Features;

internal sealed record ListBeneficiaries : IQuery<ListResponse<BeneficiaryDto>>;

internal sealed class ListBeneficiariesHandler(TicketingDbContext db, ICurrentActor current) : IQueryHandler<ListBeneficiaries, ListResponse<BeneficiaryDto>>
{
    /// <summary>Only the caller's own organization's beneficiaries: no role, not even an admin, lists another's.</summary>
    public async ValueTask<ListResponse<BeneficiaryDto>> Handle(ListBeneficiaries query, CancellationToken cancellationToken)
    {
        var own = current.Actor.OrganizationId;
        var items = await db.Beneficiaries.AsNoTracking().Where(b => b.OrganizationId == own).OrderBy(b => b.DisplayName)
            .Select(b => new BeneficiaryDto(b.Id, b.DisplayName, b.ExternalRef, b.CreatedAt)).ToListAsync(cancellationToken);
        return new ListResponse<BeneficiaryDto>(items, items.Count);
    }
}
