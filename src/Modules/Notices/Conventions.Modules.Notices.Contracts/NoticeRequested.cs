using Conventions.BuildingBlocks.Outbox;

namespace Conventions.Modules.Notices.Contracts;

/// <summary>Someone a notice is addressed to (a referent or signatory of a party).</summary>
public sealed record NoticeRecipient(string Name, string Email, Guid? OrganizationId = null);

/// <summary>
/// Any module asks for a notice by writing this event to its own outbox, in the same transaction as the change the
/// notice tells about. The Notices module stores it (once per event) and delivers it.
/// </summary>
/// <param name="Kind">Stable kebab-case kind, for example <c>dispute-opened</c> or <c>renewal-reminder</c>.</param>
/// <param name="Subject">French subject line.</param>
/// <param name="BodyHtml">The French letter, rendered by the sending module from its Scriban template (values escaped).</param>
/// <param name="OrganizationIds">The organizations whose portals list the notice.</param>
/// <param name="DeduplicationKey">When set, a second request with the same key is ignored (a transition notified once).</param>
public sealed record NoticeRequested(
    DateTimeOffset OccurredAt,
    string Kind,
    string Subject,
    string BodyHtml,
    IReadOnlyList<NoticeRecipient> Recipients,
    IReadOnlyList<Guid> OrganizationIds,
    Guid? ConventionId = null,
    Guid? DisputeId = null,
    string? DeduplicationKey = null) : IntegrationEvent(OccurredAt);

/// <summary>Who a notice about a partnership goes to.</summary>
public static class NoticeRecipients
{
    /// <summary>The organization's referents (its privileged contacts); its own address when it has none.</summary>
    public static IReadOnlyList<NoticeRecipient> ReferentsOf(Partners.Contracts.OrganizationSummary organization)
    {
        var referents = organization.Contacts
            .Where(c => c.Roles.Contains(Partners.Contracts.ContactRole.Referent) && !string.IsNullOrWhiteSpace(c.Email))
            .Select(c => new NoticeRecipient(c.FullName, c.Email!, organization.Id))
            .ToList();
        if (referents.Count > 0)
        {
            return referents;
        }
        return string.IsNullOrWhiteSpace(organization.Email) ? [] : [new NoticeRecipient(organization.Name, organization.Email, organization.Id)];
    }
}

/// <summary>A notice was stored for an organization (once, however often it was requested), published by the Notices module.</summary>
public sealed record NoticeCreated(
    DateTimeOffset OccurredAt,
    Guid NoticeId,
    Guid OrganizationId,
    string Kind,
    string Subject,
    Guid? ConventionId,
    Guid? DisputeId) : IntegrationEvent(OccurredAt);
