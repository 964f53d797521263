using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Partners.Domain;

namespace Partners.Tests;

/// <summary>A season event's seats and waiting list (issue 19), on the domain.</summary>
public sealed class SeasonEventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static SeasonEvent Event(int capacity, params OrganizationKind[] audience) =>
        SeasonEvent.Schedule("culture-pour-tous", Guid.NewGuid(), SeasonEventKind.Training, "Formation", null, Now.AddDays(20), "Lyon", capacity, audience, Now);

    [Fact]
    public void Past_the_capacity_people_wait_and_a_freed_seat_goes_to_the_first_waiting()
    {
        var e = Event(2);
        var org = Guid.NewGuid();
        var a = e.Register(org, OrganizationKind.SocialService, "A", "Animatrice", null, Now);
        e.Register(org, OrganizationKind.SocialService, "B", "Bénévole", null, Now);
        var c = e.Register(org, OrganizationKind.SocialService, "C", "Bénévole", null, Now);
        var d = e.Register(org, OrganizationKind.SocialService, "D", "Bénévole", null, Now);

        Assert.Equal((RegistrationStatus.Waitlisted, 1, RegistrationStatus.Waitlisted, 2), (c.Status, c.WaitlistNumber, d.Status, d.WaitlistNumber));
        Assert.Null(e.Cancel(d.Id, Now));
        var promoted = e.Cancel(a.Id, Now.AddMinutes(1));

        Assert.Same(c, promoted);
        Assert.Equal((2, 0, 0), (e.Confirmed, e.Waiting, e.SeatsLeft));
        Assert.Equal("registration.already_cancelled", Assert.Throws<ConflictException>(() => e.Cancel(a.Id, Now)).Code);
    }

    [Fact]
    public void Registrations_are_for_the_audience_once_per_person_and_close_when_the_event_starts()
    {
        var e = Event(10, OrganizationKind.SocialService);
        var org = Guid.NewGuid();

        Assert.Equal("season_event.not_in_audience",
            Assert.Throws<BusinessRuleException>(() => e.Register(org, OrganizationKind.CulturalInstitution, "A", "x", null, Now)).Code);
        e.Register(org, OrganizationKind.SocialService, "Nadia B.", "x", null, Now);
        Assert.Equal("season_event.already_registered", Assert.Throws<ConflictException>(() => e.Register(org, OrganizationKind.SocialService, "nadia b.", "x", null, Now)).Code);
        Assert.Equal("season_event.started", Assert.Throws<ConflictException>(() => e.Register(org, OrganizationKind.SocialService, "Paul", "x", null, e.StartsAt)).Code);
    }

    [Fact]
    public void A_proposed_activity_opens_to_registrations_only_once_accepted()
    {
        var e = SeasonEvent.Schedule("culture-pour-tous", Guid.NewGuid(), SeasonEventKind.Mediation, "Atelier", null, Now.AddDays(20), "Lyon", 10, [], Now, proposedBy: Guid.NewGuid());

        Assert.Equal("season_event.not_scheduled", Assert.Throws<ConflictException>(() => e.Register(Guid.NewGuid(), OrganizationKind.Other, "A", "x", null, Now)).Code);
        e.Accept();
        e.Register(Guid.NewGuid(), OrganizationKind.Other, "A", "x", null, Now);
        Assert.Equal("season_event.not_proposed", Assert.Throws<ConflictException>(() => e.Decline("trop tard")).Code);
    }
}
