using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Conventions.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Disputes.Features;

/// <summary>One dispute in progress on each program (Development only), opened through the same command as the API.</summary>
internal sealed class DemoDisputes(IServiceScopeFactory scopes, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly Guid SecondCultureConvention = new("c3300000-0000-4000-8000-000000000003");
    private static readonly Guid RucheConvention = new("c3300000-0000-4000-8000-000000000002");

    public int Order => 20;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var lines = new List<string>();
        await OpenAsync(SecondCultureConvention, new OpenDispute
        {
            ConventionId = SecondCultureConvention,
            RaisedBy = ConventionParty.Operator,
            Kind = DisputeKind.Breach,
            Grounds = "Grand nombre de réservations inutilisées (invitations non annulées) malgré les alertes indicatives.",
            Notice = new NoticeInput { Channel = NoticeChannel.SimpleLetter, SentOn = today.AddDays(-12), NotifiedOn = today.AddDays(-10) },
        }, lines, cancellationToken);
        await OpenAsync(RucheConvention, new OpenDispute
        {
            ConventionId = RucheConvention,
            RaisedBy = ConventionParty.Operator,
            Kind = DisputeKind.Breach,
            Grounds = "Trois permanences du mardi non maintenues sans que la Ruche Numérique en ait été informée (art. 2).",
            Notice = new NoticeInput { Channel = NoticeChannel.RegisteredLetter, SentOn = today.AddDays(-7), NotifiedOn = today.AddDays(-5) },
        }, lines, cancellationToken);
        return lines;
    }

    private async Task OpenAsync(Guid conventionId, OpenDispute command, List<string> lines, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
        if (await db.Disputes.AnyAsync(d => d.ConventionId == conventionId, cancellationToken))
        {
            return;
        }
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var convention = await mediator.Send(new GetConventionSummary(conventionId), cancellationToken);
        if (convention?.Status is not (ConventionStatus.Active or ConventionStatus.Suspended))
        {
            return;
        }
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var dispute = await mediator.Send(command, cancellationToken);
        lines.Add($"Dispute {dispute.Id} on convention {conventionId}: {BuildingBlocks.Web.JsonDefaults.Kebab(dispute.Status)}");
    }
}
