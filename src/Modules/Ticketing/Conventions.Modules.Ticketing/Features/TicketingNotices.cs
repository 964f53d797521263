using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>French notices to booking structures ("informations de dernière minute").</summary>
internal sealed class TicketingNotices(DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(TicketingNotices).Assembly, "ticketing-notice.sbn-html");

    public void Publish(TicketingDbContext db, IReadOnlyList<OrganizationSummary> organizations, string kind, string subject, string message, DateTimeOffset now, string key)
    {
        var html = renderer.Render(Letter, new Dictionary<string, object?> { ["subject"] = subject, ["message"] = message }).Html;
        db.Publish(new NoticeRequested(now, kind, subject, html, organizations.SelectMany(NoticeRecipients.ReferentsOf).ToList(),
            organizations.Select(o => o.Id).ToList(), DeduplicationKey: key));
    }
}
