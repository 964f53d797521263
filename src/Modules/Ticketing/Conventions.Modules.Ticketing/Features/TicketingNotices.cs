using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>French notices to booking structures ("informations de dernière minute").</summary>
internal sealed class TicketingNotices(DocumentRenderer renderer, IMediator mediator)
{
    /// <summary>
    /// One notice to the structures that booked (each gets its own letter, see the Notices module); organizations the
    /// Partners module no longer knows are skipped.
    /// </summary>
    public async Task PublishToAsync(TicketingDbContext db, IEnumerable<Guid> organizationIds, string kind, string subject, string message, DateTimeOffset now, string key, CancellationToken cancellationToken)
    {
        var organizations = new List<OrganizationSummary>();
        foreach (var id in organizationIds.Distinct())
        {
            if (await mediator.Send(new GetOrganizationSummary(id), cancellationToken) is { } organization)
            {
                organizations.Add(organization);
            }
        }
        if (organizations.Count > 0)
        {
            Publish(db, organizations, kind, subject, message, now, key);
        }
    }

    private static readonly TemplateRef Letter = new(typeof(TicketingNotices).Assembly, "ticketing-notice.sbn-html");

    public void Publish(TicketingDbContext db, IReadOnlyList<OrganizationSummary> organizations, string kind, string subject, string message, DateTimeOffset now, string key)
    {
        var html = renderer.Render(Letter, new Dictionary<string, object?> { ["subject"] = subject, ["message"] = message }).Html;
        db.Publish(new NoticeRequested(now, kind, subject, html, organizations.SelectMany(NoticeRecipients.ReferentsOf).ToList(),
            organizations.Select(o => o.Id).ToList(), DeduplicationKey: key));
    }
}
