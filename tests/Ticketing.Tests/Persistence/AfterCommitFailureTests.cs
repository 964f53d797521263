using System.Net;
using System.Net.Http.Json;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Jobs;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ticketing.Tests.Driver;

namespace Ticketing.Tests.Persistence;

/// <summary>A job trigger that fails once armed, as Hangfire's storage refusing an enqueue would.</summary>
public sealed class FailingTrigger : IJobTrigger
{
    public bool Armed { get; set; }

    public int Calls { get; private set; }

    public void Trigger(string jobName)
    {
        if (Armed)
        {
            Calls++;
            throw new InvalidOperationException("Job storage unavailable.");
        }
    }
}

public sealed class FailingTriggerFactory : ConventionsFactory
{
    public FailingTrigger Trigger { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IJobTrigger>();
        services.AddSingleton<IJobTrigger>(Trigger);
    }
}

/// <summary>
/// What fails after a booking group is committed (its metrics, the outbox's trigger) fails nothing: each request gets
/// its booking, and the group is not written a second time.
/// </summary>
public sealed class AfterCommitFailureTests : TicketingTest
{
    private readonly FailingTriggerFactory _factory = new();

    protected override ConventionsFactory CreateFactory() => _factory;

    [Fact]
    public async Task A_trigger_failing_after_the_commit_neither_fails_the_bookings_nor_writes_them_twice()
    {
        var offer = await Ticketing.PublishAsync(2);
        var beneficiary = await Ticketing.BeneficiaryAsync("Samia K.");
        var partner = Guid.Parse(Scenario.PartnerId);
        var writer = Factory.Services.GetRequiredService<BookingGroupCommit>();
        DecideBooking Decide() => async (reads, ct) =>
        {
            var session = (await reads.SessionAsync(offer.Session.Id, ct))!.Value;
            var found = await reads.BeneficiaryAsync(beneficiary, partner, ct) ?? throw NotFoundException.For("beneficiary", beneficiary);
            var booking = Booking.Request(BookedSession.Of(session), partner, found.Id, null, [new InvitationRequest(found.DisplayName, InvitationRole.Beneficiary)], session.StartsAt.AddDays(-5));
            return new BookingDecision(booking, null, Ticketing.PublisherId);
        };
        _factory.Trigger.Armed = true;

        // A group of three, each with its event for the publisher's webhooks (so the outbox is triggered), then one
        // booking through the API.
        var outcomes = await writer.WriteTogetherAsync([Decide(), Decide(), Decide()]);
        var overHttp = await Ticketing.Booker.PostAsJsonAsync("/api/v1/bookings", new { sessionId = offer.Session.Id, beneficiaryId = beneficiary });

        Assert.Equal([null, null, 1], await Task.WhenAll(outcomes));
        Assert.Equal(HttpStatusCode.Created, overHttp.StatusCode);
        Assert.True(_factory.Trigger.Calls >= 2);
        _factory.Trigger.Armed = false;
        Assert.Equal(4, (await Ticketing.Booker.GetAsync("/api/v1/bookings").ExpectAsync<PageView<BookingView>>(HttpStatusCode.OK)).Total);
        Assert.Equal(0, await Ticketing.SeatsLeftAsync(offer.Id));
    }
}
