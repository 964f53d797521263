namespace Conventions.Modules.Disputes.Features;

internal sealed record GetDispute(Guid Id) : IQuery<DisputeDto>;

internal sealed class GetDisputeHandler(DisputesDbContext db, ICurrentActor current) : IQueryHandler<GetDispute, DisputeDto>
{
    public async ValueTask<DisputeDto> Handle(GetDispute query, CancellationToken cancellationToken)
    {
        var dispute = await DisputeAccess.LoadAsync(db, query.Id, cancellationToken);
        DisputeAccess.EnsureCanRead(current.Actor, dispute);
        return DisputeMapping.ToDto(dispute);
    }
}
