using System.Net;
using Conventions.Modules.Webhooks.Domain;
using Conventions.Modules.Webhooks.Sending;
using Microsoft.Extensions.Options;

namespace Webhooks.Tests;

/// <summary>The webhook rules as the domain holds them: the retry schedule, when a subscription is disabled, rotation, destinations.</summary>
public sealed class WebhookRulesTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retries_follow_the_schedule_within_ten_percent_and_stop_three_days_after_the_event()
    {
        Assert.Equal(Created.AddMinutes(1), RetrySchedule.Next(1, Created, Created, jitter: 0));
        Assert.Equal(Created.AddMinutes(5).AddSeconds(30), RetrySchedule.Next(2, Created, Created, jitter: 1));
        Assert.Equal(Created.AddMinutes(27), RetrySchedule.Next(3, Created, Created, jitter: -1));
        Assert.Equal(Created.AddHours(12), RetrySchedule.Next(20, Created, Created, jitter: 0));
        // A jitter outside [-1, 1] is held to ±10 %.
        Assert.Equal(Created.AddHours(2.2), RetrySchedule.Next(4, Created, Created, jitter: 5));
        // The next try would fall past the window: the delivery fails for good.
        Assert.Null(RetrySchedule.Next(9, Created, Created.AddDays(2.6), jitter: 0));
        Assert.NotNull(RetrySchedule.Next(9, Created, Created.AddDays(2.4), jitter: 0));
    }

    [Fact]
    public void A_subscription_is_disabled_after_three_days_of_failures_and_a_success_starts_the_count_again()
    {
        var subscription = Subscription();
        var delivery = WebhookDelivery.Record(subscription.Id, subscription.OrganizationId, Guid.NewGuid(), "booking.confirmed", "{}", Created);

        delivery.Fail(500, "HTTP 500.", 10, Created, 0);
        Assert.False(subscription.Failed(delivery, Created));
        subscription.Succeeded(Created.AddDays(2));
        Assert.Null(subscription.FailingSince);
        Assert.False(subscription.Failed(delivery, Created.AddDays(2.5)));
        Assert.False(subscription.Failed(delivery, Created.AddDays(5.4)));

        Assert.True(subscription.Failed(delivery, Created.AddDays(5.5)));
        Assert.Equal(WebhookStatus.Disabled, subscription.Status);
        Assert.False(subscription.Wants("booking.confirmed"));
        subscription.Enable();
        Assert.True(subscription.Wants("booking.confirmed"));
        Assert.Null(subscription.FailingSince);
    }

    [Fact]
    public void A_delivery_that_fails_for_good_disables_a_subscription_that_delivered_nothing_since_the_event()
    {
        var subscription = Subscription();
        var delivery = WebhookDelivery.Record(subscription.Id, subscription.OrganizationId, Guid.NewGuid(), "booking.confirmed", "{}", Created);
        // One attempt, made half a minute before the window closes: the next (a minute later) would fall past it.
        delivery.Fail(503, "HTTP 503.", 10, Created.AddDays(3).AddSeconds(-30), 0);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.True(subscription.Failed(delivery, Created.AddDays(3).AddSeconds(-30)));
    }

    [Fact]
    public void A_rotated_secret_signs_beside_the_new_one_for_a_day()
    {
        var subscription = Subscription();
        subscription.Rotate("new", Created);

        Assert.Equal(["new", "old"], subscription.SigningSecrets(Created.AddHours(23)));
        Assert.Equal(["new"], subscription.SigningSecrets(Created.AddHours(24)));
    }

    [Fact]
    public void A_first_try_success_stays_on_the_delivery_and_joins_the_log_when_it_is_redelivered()
    {
        var delivery = WebhookDelivery.Record(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "webhook.ping", "{}", Created);
        delivery.Succeed(204, 12, Created);
        Assert.Empty(delivery.AttemptLog);

        delivery.Redeliver(Created.AddHours(1));
        delivery.Succeed(200, 8, Created.AddHours(1));

        Assert.Equal([(1, 204), (2, 200)], delivery.AttemptLog.Select(a => (a.Number, a.StatusCode ?? 0)));
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("100.64.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1::1", true)]
    public void Webhooks_reach_public_addresses_only(string address, bool allowed) =>
        Assert.Equal(allowed, new WebhookDestinations(Options.Create(new WebhookSettings())).IsAllowed(IPAddress.Parse(address)));

    private static WebhookSubscription Subscription() =>
        WebhookSubscription.Create(Guid.NewGuid(), "https://portail.example.org/hooks", ["booking.confirmed"], null, "old", null, Created);
}
