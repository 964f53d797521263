using System.Net;
using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Notices.Delivery;
using Conventions.Modules.Notices.Persistence;
using Conventions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace Notices.Tests;

/// <summary>A transport that fails while <see cref="Failing"/> is set (an SMTP server that is down).</summary>
internal sealed class SwitchableTransport(PickupFolderTransport inner) : IMailTransport
{
    public bool Failing { get; set; }

    /// <summary>A mailbox the server refuses (the others still go out).</summary>
    public string? RefusedAddress { get; set; }

    public string Channel => "test";

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        Failing ? throw new IOException("SMTP server unreachable")
        : message.To.Mailboxes.Any(m => m.Address == RefusedAddress) ? throw new IOException($"550 mailbox unavailable: {RefusedAddress}")
        : inner.SendAsync(message, cancellationToken);
}

public sealed class NoticesFactory : ConventionsFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<SwitchableTransport>();
        services.RemoveAll<IMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<SwitchableTransport>());
    }

    internal SwitchableTransport Transport => Services.GetRequiredService<SwitchableTransport>();

    /// <summary>Publishes a notice request the way any module does: written to a module's outbox in a transaction.</summary>
    internal async Task RequestAsync(NoticeRequested request)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticesDbContext>();
        db.Publish(request);
        await db.SaveChangesAsync();
    }
}

/// <summary>Notices are stored first (outbox), then delivered; a failed delivery is retried and visible as failed.</summary>
public sealed class NoticeDeliveryTests(NoticesFactory factory) : IClassFixture<NoticesFactory>
{
    private NoticeRequested Request(Guid organization, string subject, string? key = null, string email = "referent@example.org") => new(
        factory.Clock.GetUtcNow(), "test-notice", subject, "<p>Madame, Monsieur,</p>",
        [new NoticeRecipient("Référent", email, organization)], [organization], DeduplicationKey: key);

    private Task<NoticePage> NoticesOfAsync(string organizationId) =>
        factory.Admin().GetAsync($"/api/v1/notices?organizationId={organizationId}").ExpectAsync<NoticePage>(HttpStatusCode.OK);

    [Fact]
    public async Task A_requested_notice_is_stored_once_and_delivered_to_the_pickup_folder_as_an_eml_file()
    {
        var organization = Guid.NewGuid();
        var request = Request(organization, "Information de dernière minute");
        await factory.RequestAsync(request);

        await factory.RunJobAsync("outbox");
        await factory.RunJobAsync("outbox");
        var stored = await NoticesOfAsync(organization.ToString());
        Assert.Equal("pending", stored.Only.Status);

        Assert.True(await factory.RunJobAsync("notices") >= 1);
        var delivered = (await NoticesOfAsync(organization.ToString())).Only;
        Assert.Equal("delivered", delivered.Status);
        var eml = Path.Combine(factory.PickupDirectory, $"notice-{delivered.Id:N}-0@conventions.local.eml");
        Assert.True(File.Exists(eml), eml);
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Equal("Information de dernière minute", message.Subject);
        Assert.Equal("referent@example.org", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_second_request_with_the_same_deduplication_key_is_ignored()
    {
        var organization = Guid.NewGuid();
        await factory.RequestAsync(Request(organization, "Premier envoi", key: $"dedup-{organization}"));
        await factory.RequestAsync(Request(organization, "Second envoi", key: $"dedup-{organization}"));

        await factory.RunJobAsync("outbox");

        var stored = await NoticesOfAsync(organization.ToString());
        Assert.Equal("Premier envoi", stored.Only.Subject);
    }

    [Fact]
    public async Task A_failed_delivery_is_visible_as_failed_and_retried_with_backoff_until_it_goes_out()
    {
        var organization = Guid.NewGuid();
        await factory.RequestAsync(Request(organization, "Relance"));
        await factory.RunJobAsync("outbox");

        factory.Transport.Failing = true;
        try
        {
            await factory.RunJobAsync("notices");
            var failed = (await NoticesOfAsync(organization.ToString())).Only;
            Assert.Equal(("failed", 1), (failed.Status, failed.Attempts));
            Assert.Contains("unreachable", failed.LastError, StringComparison.Ordinal);

            // Not retried before its backoff (one minute after the first failure)...
            await factory.RunJobAsync("notices");
            Assert.Equal(1, (await NoticesOfAsync(organization.ToString())).Only.Attempts);
        }
        finally
        {
            factory.Transport.Failing = false;
        }

        // ...and delivered once it is due again and the server answers.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.RunJobAsync("notices");
        var delivered = (await NoticesOfAsync(organization.ToString())).Only;
        Assert.Equal(("delivered", 2), (delivered.Status, delivered.Attempts));
    }

    [Fact]
    public async Task A_partner_lists_only_the_notices_addressed_to_its_organization()
    {
        var admin = factory.Admin();
        var mine = await admin.CreateOrganizationAsync("Structure destinataire");
        var theirs = await admin.CreateOrganizationAsync("Autre structure");
        var (_, key) = await admin.IssueKeyAsync(mine, "partner");
        await factory.RequestAsync(Request(Guid.Parse(mine), "Pour moi"));
        await factory.RequestAsync(Request(Guid.Parse(theirs), "Pas pour moi"));
        await factory.RunJobAsync("outbox");

        var client = factory.Client(key);
        var listed = await client.GetAsync("/api/v1/notices").ExpectAsync<NoticePage>(HttpStatusCode.OK);
        var filteredOnOther = await client.GetAsync($"/api/v1/notices?organizationId={theirs}").ExpectAsync<NoticePage>(HttpStatusCode.OK);

        Assert.Equal(["Pour moi"], listed.Items.Select(n => n.Subject));
        Assert.Equal(0, filteredOnOther.Total);
        var otherId = (await NoticesOfAsync(theirs)).Only.Id;
        await client.GetAsync($"/api/v1/notices/{otherId}").ExpectProblemAsync(HttpStatusCode.NotFound, "notice.not_found");
    }

    [Fact]
    public async Task A_notice_request_left_in_the_outbox_is_stored_by_the_next_outbox_run()
    {
        // What a crash between commit and dispatch leaves behind: the event is in the outbox, not yet a notice.
        var organization = Guid.NewGuid();
        await factory.RequestAsync(Request(organization, "Après redémarrage"));

        Assert.Equal(0, (await NoticesOfAsync(organization.ToString())).Total);
        await factory.RunJobAsync("outbox");
        Assert.Equal(1, (await NoticesOfAsync(organization.ToString())).Total);
    }

    [Fact]
    public async Task A_notice_with_one_undeliverable_recipient_still_reaches_the_others_and_retries_only_that_one()
    {
        var organization = Guid.NewGuid();
        factory.Transport.RefusedAddress = "parti@example.org";
        try
        {
            await factory.RequestAsync(new NoticeRequested(factory.Clock.GetUtcNow(), "test-notice", "Deux destinataires", "<p>Bonjour</p>",
                [new NoticeRecipient("Référente", "referente@example.org", organization), new NoticeRecipient("Ancien référent", "parti@example.org", organization)],
                [organization]));
            await factory.RunJobAsync("outbox");
            await factory.RunJobAsync("notices");

            var notice = (await NoticesOfAsync(organization.ToString())).Only;
            Assert.Equal("failed", notice.Status);
            Assert.NotNull(notice.Recipient("referente@example.org").DeliveredAt);
            Assert.Null(notice.Recipient("parti@example.org").DeliveredAt);
            Assert.Contains("550", notice.Recipient("parti@example.org").Error, StringComparison.Ordinal);
            var id = notice.Id;
            Assert.True(File.Exists(Path.Combine(factory.PickupDirectory, $"notice-{id:N}-0@conventions.local.eml")));

            // The retry sends only to the recipient still waiting; the first one is not written to twice.
            factory.Transport.RefusedAddress = null;
            File.Delete(Path.Combine(factory.PickupDirectory, $"notice-{id:N}-0@conventions.local.eml"));
            factory.Clock.Advance(TimeSpan.FromHours(1));
            await factory.RunJobAsync("notices");
            Assert.Equal("delivered", (await NoticesOfAsync(organization.ToString())).Only.Status);
            Assert.False(File.Exists(Path.Combine(factory.PickupDirectory, $"notice-{id:N}-0@conventions.local.eml")));
            Assert.True(File.Exists(Path.Combine(factory.PickupDirectory, $"notice-{id:N}-1@conventions.local.eml")));
        }
        finally
        {
            factory.Transport.RefusedAddress = null;
        }
    }
}
