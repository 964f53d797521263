using System.Net;
using System.Net.Sockets;
using System.Text;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Notices.Persistence;
using Conventions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Notices.Tests;

/// <summary>
/// A minimal SMTP server on loopback (RFC 5321 commands only, no TLS): enough for MailKit's real client to deliver
/// a notice over the real protocol, and to refuse it on demand.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Messages { get; } = [];

    public bool RefuseRecipients { get; set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-loopback");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                case "MAIL":
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync(RefuseRecipients ? "550 mailbox unavailable" : "250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        message.AppendLine(data);
                    }
                    lock (Messages)
                    {
                        Messages.Add(message.ToString());
                    }
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

public sealed class SmtpFactory : ConventionsFactory
{
    internal LoopbackSmtpServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "None"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>With <c>Smtp:Host</c> set, notices go out by SMTP (MailKit); a refusal leaves them failed, to be retried.</summary>
public sealed class SmtpDeliveryTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    private async Task RequestAsync(Guid organization, string subject)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticesDbContext>();
        db.Publish(new NoticeRequested(factory.Clock.GetUtcNow(), "test-notice", subject, "<p>Bonjour</p>",
            [new NoticeRecipient("Référente", "referente@example.org", organization)], [organization]));
        await db.SaveChangesAsync();
        await factory.RunJobAsync("outbox");
    }

    private async Task<NoticeView> NoticeAsync(Guid organization) =>
        (await factory.Admin().GetAsync($"/api/v1/notices?organizationId={organization}").ExpectAsync<NoticePage>(HttpStatusCode.OK)).Only;

    [Fact]
    public async Task A_notice_is_delivered_by_smtp_when_a_host_is_configured()
    {
        var organization = Guid.NewGuid();
        await RequestAsync(organization, "Reconduction tacite");

        await factory.RunJobAsync("notices");

        Assert.Equal("delivered", (await NoticeAsync(organization)).Status);
        var message = Assert.Single(factory.Smtp.Messages, m => m.Contains("Reconduction tacite", StringComparison.Ordinal));
        Assert.Contains("referente@example.org", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(factory.PickupDirectory) && Directory.EnumerateFiles(factory.PickupDirectory).Any());
    }

    [Fact]
    public async Task A_notice_the_smtp_server_refuses_is_failed_and_retried_later()
    {
        var organization = Guid.NewGuid();
        await RequestAsync(organization, "Relance refusée");
        factory.Smtp.RefuseRecipients = true;
        try
        {
            await factory.RunJobAsync("notices");
        }
        finally
        {
            factory.Smtp.RefuseRecipients = false;
        }
        var failed = await NoticeAsync(organization);
        Assert.Equal("failed", failed.Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.RunJobAsync("notices");

        Assert.Equal("delivered", (await NoticeAsync(organization)).Status);
    }
}
