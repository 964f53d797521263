namespace Conventions.BuildingBlocks.Idempotency;

/// <summary>
/// The answer to a POST made with an <c>Idempotency-Key</c>, kept 24 hours so a retry gets it again instead of doing the
/// work twice. Stored in the table of the module that did the work (<c>&lt;module&gt;_idempotency</c>), in the same
/// transaction as the work itself: after a crash either both are there or neither.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid CredentialId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request (its type and its fields, route values included), to refuse a key reused for another request.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>The response, as JSON with the API's options.</summary>
    public string Response { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
