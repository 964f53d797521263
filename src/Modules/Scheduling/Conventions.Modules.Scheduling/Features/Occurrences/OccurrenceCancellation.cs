using System.Globalization;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Scheduling.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>Cancels occurrences and tells the venue, the partner and everyone holding an appointment ("permanence non maintenue").</summary>
internal sealed class OccurrenceCancellation(IMediator mediator, DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(OccurrenceCancellation).Assembly, "occurrence-cancelled.sbn-html");

    public async Task CancelAsync(SchedulingDbContext db, Venue venue, Occurrence occurrence, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        occurrence.Status = OccurrenceStatus.Cancelled;
        occurrence.CancellationReason = reason;
        db.Publish(new OccurrenceCancelled(now, occurrence.Id, occurrence.VenueId, occurrence.ConventionId, occurrence.StartsAt, reason));

        var organizations = new List<OrganizationSummary>();
        foreach (var id in new[] { venue.OperatorOrganizationId, occurrence.PartnerOrganizationId }.Distinct())
        {
            if (await mediator.Send(new GetOrganizationSummary(id), cancellationToken) is { } organization)
            {
                organizations.Add(organization);
            }
        }
        var start = ParisTime.ToParis(occurrence.StartsAt);
        var subject = $"Permanence non maintenue le {French.Date(occurrence.Date)}";
        var html = renderer.Render(Letter, new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["title"] = occurrence.Title,
            ["venue"] = venue.Name,
            ["room"] = venue.Rooms.FirstOrDefault(r => r.Id == occurrence.RoomId)?.Name ?? string.Empty,
            ["date"] = French.Date(occurrence.Date),
            ["start"] = start.ToString("HH\\hmm", System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
        }).Html;
        var recipients = organizations.SelectMany(NoticeRecipients.ReferentsOf)
            .Concat(occurrence.Appointments.Where(a => !string.IsNullOrWhiteSpace(a.Email)).Select(a => new NoticeRecipient(a.PersonName, a.Email!)))
            .ToList();
        db.Publish(new NoticeRequested(now, "occurrence-cancelled", subject, html, recipients, organizations.Select(o => o.Id).ToList(),
            ConventionId: occurrence.ConventionId, DeduplicationKey: $"occurrence:{occurrence.Id:N}:cancelled"));
    }
}
