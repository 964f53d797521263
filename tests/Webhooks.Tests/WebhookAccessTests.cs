using System.Net;
using Conventions.Modules.Webhooks.Sending;
using Conventions.Testing;
using Microsoft.Extensions.Options;

namespace Webhooks.Tests;

/// <summary>Who manages which webhooks, and where webhooks may not go (SSRF).</summary>
public sealed class WebhookAccessTests : WebhookTest
{
    [Fact]
    public async Task An_organization_manages_its_own_webhooks_only()
    {
        var (id, _) = await SubscribeAsync(Scenario.Partner, "booking.confirmed");

        // Another organization's staff do not see it (404, as if it did not exist); keys of other roles are refused.
        await PublisherPartner.GetAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound, "webhook.not_found");
        await PublisherPartner.PatchJsonAsync($"/api/v1/webhooks/{id}", new { enabled = false }).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook.not_found");
        await PublisherPartner.DeleteAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound, "webhook.not_found");
        Assert.Equal(0, (await PublisherPartner.GetAsync("/api/v1/webhooks").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await Booker.GetAsync("/api/v1/webhooks").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await Publisher.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes = new[] { "booking.confirmed" } })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await PublisherPartner.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes = new[] { "booking.confirmed" }, organizationId = Scenario.PartnerId })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "webhook.organization_only");

        // The platform admin manages any organization's, naming it.
        var admin = Factory.Admin();
        Assert.Equal(1, (await admin.GetAsync($"/api/v1/webhooks?organizationId={Scenario.PartnerId}").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await admin.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes = new[] { "notice.created" } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await admin.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes = new[] { "notice.created" }, organizationId = PublisherId }).ExpectAsync(HttpStatusCode.Created);

        await Scenario.Partner.DeleteAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await Scenario.Partner.GetAsync($"/api/v1/webhooks/{id}").ExpectProblemAsync(HttpStatusCode.NotFound, "webhook.not_found");
    }

    [Theory]
    [InlineData("http://portail.example.org/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://192.168.1.10:8443/hooks")]
    public async Task A_private_link_local_or_plain_http_address_is_refused(string url)
    {
        var problem = await Scenario.Partner.PostJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "booking.confirmed" } })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook.url_forbidden");
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_event_types_and_urls_that_are_not_urls_are_400_naming_the_field()
    {
        var types = await Scenario.Partner.PostJsonAsync("/api/v1/webhooks", new { url = Receiver.Url, eventTypes = new[] { "booking.exploded" } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("booking.confirmed", types.GetProperty("errors").GetProperty("eventTypes")[0].GetString(), StringComparison.Ordinal);
        var url = await Scenario.Partner.PostJsonAsync("/api/v1/webhooks", new { url = "portail", eventTypes = new[] { "booking.confirmed" } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(url.GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task Without_loopback_allowed_a_name_that_resolves_to_this_machine_is_refused_when_connecting()
    {
        var destinations = new WebhookDestinations(Options.Create(new WebhookSettings { AllowLoopback = false }));
        Assert.NotNull(destinations.Refusal(Receiver.Url));
        // The same rule on the connection: a name resolving to this machine is refused before any byte is sent.
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = destinations.ConnectAsync, UseProxy = false });
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://localhost:{new Uri(Receiver.Url).Port}/hooks", null));
        Assert.Contains("resolves to no address", refused.ToString(), StringComparison.Ordinal);
        Assert.Empty(Receiver.Received);
        Assert.True(new WebhookDestinations(Options.Create(new WebhookSettings { AllowedNetworks = ["10.20.0.0/16"] })).IsAllowed(System.Net.IPAddress.Parse("10.20.3.4")));
        Assert.False(destinations.IsAllowed(System.Net.IPAddress.Parse("::ffff:169.254.169.254")));
        Assert.True(destinations.IsAllowed(System.Net.IPAddress.Parse("93.184.216.34")));
    }
}
