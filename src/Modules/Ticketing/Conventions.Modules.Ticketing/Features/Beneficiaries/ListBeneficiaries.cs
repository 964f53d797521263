namespace Conventions.Modules.Ticketing.Features;

internal sealed record ListBeneficiaries : IQuery<ListResponse<BeneficiaryDto>>;

internal sealed class ListBeneficiariesHandler(TicketingDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListBeneficiaries, ListResponse<BeneficiaryDto>>
{
    /// <summary>Only the caller's own organization's beneficiaries: no role, not even an admin, lists another's.</summary>
    public async ValueTask<ListResponse<BeneficiaryDto>> Handle(ListBeneficiaries query, CancellationToken cancellationToken)
    {
        var own = current.Actor.OrganizationId;
        return await db.Beneficiaries.AsNoTracking().Where(b => b.OrganizationId == own)
            .PageAsync(b => b.DisplayName, b => b.Id, page, b => new BeneficiaryDto(b.Id, b.DisplayName, b.ExternalRef, b.CreatedAt), cancellationToken);
    }
}
