namespace Conventions.BuildingBlocks.Access;

/// <summary>
/// Where the current request comes from, as the host saw it: the client's address (the connection's, or the forwarded
/// one when the host is configured to trust a proxy) and its user agent. Kept as evidence of a signature (issue 18);
/// empty for jobs.
/// </summary>
public sealed class RequestOrigin
{
    /// <summary>At most this many characters of a user agent are kept.</summary>
    public const int MaxUserAgentLength = 400;

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    public void Set(string? clientAddress, string? userAgent)
    {
        ClientAddress = string.IsNullOrWhiteSpace(clientAddress) ? null : clientAddress;
        UserAgent = string.IsNullOrWhiteSpace(userAgent) ? null
            : userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
    }
}
