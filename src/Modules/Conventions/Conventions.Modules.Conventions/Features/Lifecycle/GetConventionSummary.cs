namespace Conventions.Modules.Conventions.Features;

/// <summary>A convention as other modules see it, through the Contracts.</summary>
internal sealed class GetConventionSummaryHandler(ConventionsDbContext db) : IQueryHandler<GetConventionSummary, ConventionSummary?>
{
    public async ValueTask<ConventionSummary?> Handle(GetConventionSummary query, CancellationToken cancellationToken)
    {
        var convention = await db.Conventions.AsNoTracking().Include(c => c.Committees).SingleOrDefaultAsync(c => c.Id == query.ConventionId, cancellationToken);
        return convention is null ? null : Lifecycle.ToSummary(convention);
    }
}
