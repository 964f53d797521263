using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// Tells the partners working at the venue (a permanence there, or an earlier version acknowledged) that a new version
/// of its internal rules is published and asks them to acknowledge it; the operator keeps a copy.
/// </summary>
internal sealed class InternalRulesNotices(IMediator mediator, DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(InternalRulesNotices).Assembly, "internal-rules-published.sbn-html");

    public async Task PublishedAsync(SchedulingDbContext db, Venue venue, InternalRules rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partners = await db.Permanences.Where(p => p.VenueId == venue.Id).Select(p => p.PartnerOrganizationId)
            .Union(db.RulesAcknowledgments.Where(a => a.VenueId == venue.Id).Select(a => a.PartnerOrganizationId))
            .ToListAsync(cancellationToken);
        var audience = new List<OrganizationSummary>();
        foreach (var id in partners.Append(venue.OperatorOrganizationId).Distinct())
        {
            if (await mediator.Send(new GetOrganizationSummary(id), cancellationToken) is { } organization)
            {
                audience.Add(organization);
            }
        }
        var subject = $"Règlement intérieur de {venue.Name} : version {rules.Version}";
        var html = renderer.Render(Letter, new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["venue"] = venue.Name,
            ["version"] = rules.Version,
            ["title"] = rules.Title,
            ["published_on"] = French.Date(DateOnly.FromDateTime(ParisTime.ToParis(rules.PublishedAt).DateTime)),
            ["sha256"] = rules.Sha256,
        }).Html;
        db.Publish(new NoticeRequested(now, "internal-rules-published", subject, html,
            audience.SelectMany(NoticeRecipients.ReferentsOf).ToList(), audience.Select(o => o.Id).ToList(),
            DeduplicationKey: $"internal-rules:{rules.Id:N}:published"));
    }
}
