namespace Conventions.Modules.Disputes.Features;

internal sealed class GetOpenDisputeHandler(DisputesDbContext db) : IQueryHandler<GetOpenDispute, OpenDisputeSummary?>
{
    private static readonly DisputeStatus[] Open =
        [DisputeStatus.AwaitingExplanation, DisputeStatus.TerminationWindowOpen, DisputeStatus.TerminationRightLapsed, DisputeStatus.AwaitingRemedy];

    public async ValueTask<OpenDisputeSummary?> Handle(GetOpenDispute query, CancellationToken cancellationToken) =>
        await db.Disputes.AsNoTracking().Where(d => d.ConventionId == query.ConventionId && Open.Contains(d.Status))
            .OrderByDescending(d => d.CreatedAt).Select(d => new OpenDisputeSummary(d.Id, d.Status, d.NotifiedOn)).FirstOrDefaultAsync(cancellationToken);
}
