using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Conventions.Modules.Webhooks.Sending;

/// <summary>
/// Webhook secrets as Standard Webhooks defines them (<c>whsec_</c> and 32 random bytes in base64), kept encrypted at rest
/// with the host's Data Protection keys (the same key ring as document links), and the signatures made with them.
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("Conventions.Webhooks.Secrets.v1");

    /// <summary>A new secret: the clear text (shown once) and its protected form (stored).</summary>
    public (string Clear, string Protected) New()
    {
        var clear = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return (clear, _protector.Protect(clear));
    }

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// The <c>webhook-signature</c> header: <c>v1,</c> and the base64 HMAC-SHA256, keyed by the secret's bytes, of
    /// <c>{id}.{timestamp}.{body}</c>, one per secret, separated by spaces (two during a rotation's overlap).
    /// </summary>
    public static string Signature(IEnumerable<string> clearSecrets, string messageId, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return string.Join(' ', clearSecrets.Select(secret =>
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret[Prefix.Length..]), signed))));
    }
}
