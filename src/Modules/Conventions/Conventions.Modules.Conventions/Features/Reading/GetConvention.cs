namespace Conventions.Modules.Conventions.Features;

internal sealed record GetConvention(Guid Id) : IQuery<ConventionDto>;

internal sealed class GetConventionHandler(ConventionsDbContext db, ICurrentActor current) : IQueryHandler<GetConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(GetConvention query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        return ConventionMapping.ToDto(convention);
    }
}
