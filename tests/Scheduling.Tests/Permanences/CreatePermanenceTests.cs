using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Permanences;

/// <summary><c>POST /permanences</c>: a semester of dated occurrences, holidays skipped, a room never taken twice, only under one's own active convention.</summary>
public sealed class CreatePermanenceTests : SchedulingTest
{
    [Fact]
    public async Task A_permanence_expands_into_occurrences_skipping_holidays_and_reports_the_skipped_dates()
    {
        var permanence = await Premises.DeclareAsync();

        Assert.Equal(24, permanence.Occurrences.Count);
        Assert.Equal(("2027-01-07", "2027-01-07T14:00:00+01:00"), (permanence.Occurrences[0].Date, permanence.Occurrences[0].StartsAt));
        Assert.Equal("2027-06-24T14:00:00+02:00", permanence.Occurrences[^1].StartsAt);
        Assert.All(permanence.Occurrences, o => Assert.Equal("planned", o.Status));
        Assert.Equal("2027-05-06", Assert.Single(permanence.Skipped).Date);
        Assert.Equal("14:00", permanence.StartTime);
    }

    [Fact]
    public async Task A_room_is_never_booked_twice_at_the_same_time()
    {
        await Premises.DeclareAsync();

        var problem = await Premises.DeclareCall(Premises.Permanence(start: "16:00", end: "18:00")).ExpectProblemAsync(HttpStatusCode.Conflict, "room.conflict");
        Assert.Equal(24, problem.GetProperty("conflicts").GetArrayLength());
        Assert.Equal("2027-01-07", problem.GetProperty("conflicts")[0].Str("date"));
        var reservation = await Premises.ReserveCall(Premises.Office, "2027-01-14T15:00:00+01:00", "2027-01-14T15:30:00+01:00").ExpectProblemAsync(HttpStatusCode.Conflict, "room.conflict");
        Assert.Single(reservation.GetProperty("conflicts").EnumerateArray());

        // Back to back, or in another room, is fine.
        await Premises.DeclareCall(Premises.Permanence(start: "17:00", end: "18:00")).ExpectAsync(HttpStatusCode.Created);
        await Premises.DeclareCall(Premises.Permanence(Premises.Room)).ExpectAsync(HttpStatusCode.Created);
        await Premises.ReserveCall(Premises.Office, "2027-01-14T10:00:00+01:00", "2027-01-14T11:00:00+01:00").ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_organization_cannot_use_a_convention_that_is_not_its_own_and_a_draft_convention_lends_no_room()
    {
        var admin = Factory.Admin();
        var stranger = await admin.CreateOrganizationAsync("Association voisine");
        var (_, strangerKey) = await admin.IssueKeyAsync(stranger, "partner");
        await Premises.DeclareCall(Premises.Permanence(), Factory.Client(strangerKey)).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");

        var draft = Guid.Parse((await Scenario.DraftRucheAsync("2027-01-01")).Str("id"));
        await Premises.DeclareCall(Premises.Permanence(conventionId: draft)).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.not_active");
    }
}
