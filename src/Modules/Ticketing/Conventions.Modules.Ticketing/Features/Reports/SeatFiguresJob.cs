using Conventions.BuildingBlocks.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>
/// The <c>seat-figures</c> job (every five minutes): brings Culture pour tous' seat figures up to date with the bookings
/// changed since (<see cref="SeatFigures"/>), so that the season report, which does the same before it reads, finds
/// little left to do. The first run after the migration computes every figure. Gives the changes it took.
/// </summary>
internal sealed class SeatFiguresJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    public const string JobName = "seat-figures";

    public string Name => JobName;

    public string Cron => "*/5 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SeatFigures.RefreshAsync(scope.ServiceProvider.GetRequiredService<TicketingDbContext>(), clock, cancellationToken);
    }
}
