using System.Net;
using Conventions.BuildingBlocks.Access;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Persistence;
using Conventions.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Tests;

/// <summary>What the other modules ask of conventions, through the mediator, as they will.</summary>
public sealed class ContractTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    private async Task<T> SendAsync<T>(Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private async Task<int> StatusEventsAsync(Guid conventionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConventionsDbContext>();
        var payloads = await db.OutboxMessages.Where(m => m.Type.Contains(nameof(ConventionStatusChanged))).Select(m => m.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(conventionId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organization_may_operate_under_a_program_only_while_its_convention_is_active()
    {
        var scenario = await ConventionScenario.CultureAsync(factory);
        var partner = Guid.Parse(scenario.PartnerId);
        var id = (await scenario.DraftCultureAsync()).Str("id");

        var beforeSigning = await SendAsync(m => m.Send(new MayOperateUnder(partner, ConventionTemplates.CultureSocialPartner)));
        Assert.False(beforeSigning.Allowed);
        Assert.Equal(ConventionStatus.Draft, beforeSigning.Status);

        await scenario.SignBothAsync(id);
        var active = await SendAsync(m => m.Send(new MayOperateUnder(partner, ConventionTemplates.CultureSocialPartner)));
        Assert.True(active.Allowed);
        Assert.Equal(Guid.Parse(id), active.ConventionId);
        Assert.False((await SendAsync(m => m.Send(new MayOperateUnder(partner, ConventionTemplates.RuchePremises)))).Allowed);

        await SendAsync(m => m.Send(new SuspendConvention(Guid.Parse(id), "Dénonciation par lettre simple", new DateOnly(2026, 11, 23))));
        var suspended = await SendAsync(m => m.Send(new MayOperateUnder(partner, ConventionTemplates.CultureSocialPartner)));
        Assert.False(suspended.Allowed);
        Assert.Equal(ConventionStatus.Suspended, suspended.Status);
    }

    [Fact]
    public async Task Status_changes_from_the_dispute_workflow_are_idempotent_and_publish_one_event_each()
    {
        var scenario = await ConventionScenario.CultureAsync(factory, "Structure mise en cause");
        var id = Guid.Parse((await scenario.DraftCultureAsync()).Str("id"));
        await scenario.SignBothAsync(id.ToString());
        var eventsBefore = await StatusEventsAsync(id);

        await SendAsync(m => m.Send(new SuspendConvention(id, "Dénonciation", new DateOnly(2026, 11, 23))));
        await SendAsync(m => m.Send(new SuspendConvention(id, "Dénonciation", new DateOnly(2026, 11, 23))));
        Assert.Equal(eventsBefore + 1, await StatusEventsAsync(id));

        var reinstated = await SendAsync(m => m.Send(new ReinstateConvention(id, "Accord trouvé", new DateOnly(2026, 11, 30))));
        Assert.Equal(ConventionStatus.Active, reinstated.Status);
        Assert.Equal(eventsBefore + 2, await StatusEventsAsync(id));

        var terminated = await SendAsync(m => m.Send(new TerminateConvention(id, "Résiliation par LRAR", new DateOnly(2026, 12, 20))));
        Assert.Equal(ConventionStatus.Terminated, terminated.Status);
        var refusal = await Assert.ThrowsAsync<Conventions.BuildingBlocks.Errors.ConflictException>(async () =>
            await SendAsync(m => m.Send(new LapseConvention(id, "x", new DateOnly(2026, 12, 21)))));
        Assert.Equal("convention.not_active", refusal.Code);

        var convention = await scenario.Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", convention.Str("status"));
        Assert.Contains(convention.GetProperty("history").EnumerateArray(), h => h.Str("kind") == "suspended");
    }
}
