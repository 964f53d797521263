namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// One read of personal data in bulk (issue 18, RGPD accountability): a list of beneficiaries, bookings with their
/// holders, organizations with their contacts. Kept 12 months (<c>PersonalData:AccessLogMonths</c>).
/// </summary>
internal sealed class PersonalDataAccess
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? CredentialId { get; set; }

    public Guid? OrganizationId { get; set; }

    public string? Role { get; set; }

    /// <summary>What was listed: <c>beneficiaries</c>, <c>bookings</c>, <c>organizations</c>…</summary>
    public string Resource { get; set; } = string.Empty;

    /// <summary>The path and query string asked for.</summary>
    public string Request { get; set; } = string.Empty;
}
