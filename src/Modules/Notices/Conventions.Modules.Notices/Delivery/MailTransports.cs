using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Conventions.Modules.Notices.Delivery;

/// <summary><c>Smtp:*</c>: when <see cref="Host"/> is set notices go out by SMTP, otherwise to the pickup folder.</summary>
internal sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary><c>Auto</c>, <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
}

/// <summary><c>Notices:*</c>.</summary>
internal sealed class NoticeSettings
{
    public string FromName { get; set; } = "Moteur de conventions";

    public string FromAddress { get; set; } = "no-reply@conventions.local";

    /// <summary>Folder where .eml files are written when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";
}

internal interface IMailTransport
{
    string Channel { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class SmtpMailTransport(IOptions<SmtpSettings> settings) : IMailTransport
{
    public string Channel => "smtp";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each notice as an .eml file (what an SMTP pickup directory or a mail client can read).</summary>
internal sealed class PickupFolderTransport(IOptions<NoticeSettings> settings) : IMailTransport
{
    public string Channel => "pickup";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = settings.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, $"{message.MessageId}.eml");
        var temporary = final + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true);
    }
}

internal static class NoticeMessages
{
    /// <summary>The letter for one recipient (each recipient gets a message of its own, with its own Message-Id).</summary>
    public static MimeMessage ToMime(Notice notice, NoticeRecipientEntry recipient, NoticeSettings settings)
    {
        var index = notice.OrderedRecipients().ToList().IndexOf(recipient);
        var message = new MimeMessage
        {
            Subject = notice.Subject,
            MessageId = $"notice-{notice.Id:N}-{index}@conventions.local",
            Date = notice.CreatedAt,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        message.Headers.Add("X-Conventions-Notice-Kind", notice.Kind);
        message.Body = new BodyBuilder { HtmlBody = notice.BodyHtml }.ToMessageBody();
        return message;
    }
}
