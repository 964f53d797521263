using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Webhooks.Sending;

/// <summary>Configuration of the <c>Webhooks</c> section.</summary>
internal sealed class WebhookSettings
{
    /// <summary>
    /// Lets webhooks reach this machine (<c>http://localhost:…</c>, 127.0.0.0/8, ::1): for tests and local portals;
    /// off by default outside Development.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Private networks webhooks may reach all the same, in CIDR (<c>10.20.0.0/16</c>): a portal on the intranet.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>How long a receiver has to answer.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries sent at once by one run of the job.</summary>
    public int Parallelism { get; set; } = 8;
}

/// <summary>
/// Where webhooks may go (SSRF rules, ADR 0018): an https URL, or http to loopback when loopback is allowed; never a
/// private, shared, link-local (cloud metadata at 169.254.169.254 included), multicast or unspecified address unless its
/// network is listed in <see cref="WebhookSettings.AllowedNetworks"/>. Checked when a URL is registered, and again on the
/// address each connection resolves to (a name that later resolves to a private address is refused at connect time).
/// </summary>
internal sealed class WebhookDestinations(IOptions<WebhookSettings> options)
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed = options.Value.AllowedNetworks.Select(IPNetwork.Parse).ToArray();

    private bool AllowLoopback => options.Value.AllowLoopback;

    /// <summary>Null when the URL may be registered, else why not (in English, for the problem's detail).</summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "An absolute https URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "A URL without user information or fragment: authenticate deliveries by their signature.";
        }
        var loopback = uri.IsLoopback;
        if (uri.Scheme == "http" && !loopback)
        {
            return "Webhooks are sent over https (http only to this machine, for tests and local portals).";
        }
        if (loopback && !AllowLoopback)
        {
            return "This engine does not send webhooks to its own machine (Webhooks:AllowLoopback).";
        }
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && !loopback && !IsAllowed(address))
        {
            return "This address is on a private, link-local or reserved network: webhooks go to public addresses (Webhooks:AllowedNetworks lists exceptions).";
        }
        return null;
    }

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return AllowLoopback;
        }
        return _allowed.Any(n => n.Contains(address)) || !Forbidden.Any(n => n.Contains(address));
    }

    /// <summary>
    /// Connects to the first allowed address the host resolves to; none allowed is a refusal (no connection is made).
    /// Installed as the webhook client's connect callback, so the rule holds for every request and every redirect-free
    /// retry, whatever DNS answers then.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException($"Refused: {endpoint.Host} resolves to no address webhooks may reach.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
