using System.Net;
using Conventions.Testing;
using Disputes.Tests.Driver;

namespace Disputes.Tests.Disputes;

/// <summary><c>POST /disputes</c> and <c>GET /disputes[/{id}]</c>: the convention's parties only, dates not in the future.</summary>
public sealed class OpenDisputeTests : DisputeTest
{
    [Fact]
    public async Task Disputes_are_visible_to_the_conventions_parties_only()
    {
        var disputes = await DisputeDriver.CultureAsync(Factory);
        var dispute = await disputes.OpenAsync();
        var admin = Factory.Admin();
        var (_, strangerKey) = await admin.IssueKeyAsync(await admin.CreateOrganizationAsync("Structure curieuse"), "partner");
        var stranger = Factory.Client(strangerKey);

        Assert.Equal(1, (await disputes.Partner.GetAsync($"/api/v1/disputes?conventionId={disputes.ConventionId}").ExpectAsync<PageView<DisputeView>>(HttpStatusCode.OK)).Total);
        await stranger.GetAsync($"/api/v1/disputes/{dispute.Id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "dispute.forbidden");
        Assert.Equal(0, (await stranger.GetAsync("/api/v1/disputes").ExpectAsync<PageView<DisputeView>>(HttpStatusCode.OK)).Total);
        await disputes.OpenCall(DisputeDriver.Grievance(disputes.ConventionId), stranger).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
    }

    [Fact]
    public async Task A_notification_date_in_the_future_or_an_unknown_convention_is_refused()
    {
        var disputes = await DisputeDriver.CultureAsync(Factory);

        await disputes.OpenCall(DisputeDriver.Grievance(disputes.ConventionId, notifiedOn: "2026-12-01")).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await disputes.OpenCall(DisputeDriver.Grievance(Guid.NewGuid())).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "dispute.unknown_convention");
    }
}
