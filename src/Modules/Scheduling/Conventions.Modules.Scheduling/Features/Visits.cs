using System.Globalization;
using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Scheduling.Domain;
using Conventions.Modules.Scheduling.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record VisitBody
{
    /// <example>2026-11-23</example>
    public DateOnly? On { get; init; }

    /// <example>walk-in</example>
    public VisitCategory? Category { get; init; }

    /// <example>14</example>
    public int? Count { get; init; }
}

internal sealed record VisitDto(Guid VenueId, DateOnly On, VisitCategory Category, int Count);

internal sealed record RecordVisits(Guid VenueId, VisitBody Body) : ICommand<VisitDto>;

internal sealed class RecordVisitsValidator : AbstractValidator<RecordVisits>
{
    public RecordVisitsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.On).NotNull().WithMessage("Required.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d <= BuildingBlocks.Time.ParisTime.Today(clock))).WithMessage("Must be a past or present date from 2000 on.");
        RuleFor(c => c.Body.Category).NotNull().WithMessage("Required: walk-in, appointment, autonomous-access, partner, digital-adviser or other.");
        RuleFor(c => c.Body.Count).NotNull().WithMessage("Required.").InclusiveBetween(1, 100_000);
    }
}

/// <summary>Adds visitors to a day's count in a category.</summary>
internal sealed class RecordVisitsHandler(SchedulingDbContext db, ICurrentActor current) : ICommandHandler<RecordVisits, VisitDto>
{
    public async ValueTask<VisitDto> Handle(RecordVisits command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var body = command.Body;
        return await db.InSerializableTransactionAsync(async ct =>
        {
            var visit = await db.Visits.SingleOrDefaultAsync(v => v.VenueId == venue.Id && v.On == body.On && v.Category == body.Category, ct);
            if (visit is null)
            {
                visit = new VisitCount { Id = Guid.NewGuid(), VenueId = venue.Id, On = body.On!.Value, Category = body.Category!.Value };
                db.Visits.Add(visit);
            }
            visit.Count += body.Count!.Value;
            return new VisitDto(venue.Id, visit.On, visit.Category, visit.Count);
        }, cancellationToken);
    }
}

internal sealed record StatisticsDto(Guid VenueId, int Year, int Total, IReadOnlyDictionary<string, int> ByCategory);

internal sealed record GetStatistics(Guid VenueId, int Year) : IQuery<StatisticsDto>;

internal sealed class GetStatisticsHandler(SchedulingDbContext db, ICurrentActor current) : IQueryHandler<GetStatistics, StatisticsDto>
{
    public async ValueTask<StatisticsDto> Handle(GetStatistics query, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, query.VenueId, cancellationToken);
        SchedulingAccess.EnsureInProgram(current.Actor);
        var from = new DateOnly(query.Year, 1, 1);
        var to = new DateOnly(query.Year, 12, 31);
        var sums = await db.Visits.AsNoTracking()
            .Where(v => v.VenueId == venue.Id && v.On >= from && v.On <= to)
            .GroupBy(v => v.Category)
            .Select(g => new { Category = g.Key, Count = g.Sum(v => v.Count) })
            .ToListAsync(cancellationToken);
        var byCategory = Enum.GetValues<VisitCategory>().ToDictionary(JsonDefaults.Kebab, c => sums.FirstOrDefault(s => s.Category == c)?.Count ?? 0);
        return new StatisticsDto(venue.Id, query.Year, byCategory.Values.Sum(), byCategory);
    }
}

internal static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/venues").WithTags("Visits");

        group.MapPost("/{id:guid}/visits", async Task<Created<VisitDto>> (Guid id, VisitBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/venues/{id}/statistics", await mediator.Send(new RecordVisits(id, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin)
            .WithSummary("Counts visitors on a day in a category (walk-in, appointment, autonomous-access, partner, digital-adviser, other).")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapGet("/{id:guid}/statistics", async Task<Ok<StatisticsDto>> (Guid id, string? year, IMediator mediator, CancellationToken ct) =>
            {
                if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 2000 or > 2100)
                {
                    throw InvalidInputException.Field("year", "Required, a year from 2000 to 2100.");
                }
                return TypedResults.Ok(await mediator.Send(new GetStatistics(id, value), ct));
            })
            .WithSummary("Visitors of a year, in all and by category.")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
