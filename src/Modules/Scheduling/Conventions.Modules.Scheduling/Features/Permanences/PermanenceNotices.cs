using System.Globalization;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Scheduling.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// Tells the parties what happened to a permanence ("les créneaux sont définis par les Parties"): a proposal goes to
/// the venue's operator, a decision to the partner (the operator keeps a copy). Each also leaves the module as a
/// <see cref="PermanenceChanged"/> event (the <c>permanence.changed</c> webhook), in the same transaction.
/// </summary>
internal sealed class PermanenceNotices(IMediator mediator, DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(PermanenceNotices).Assembly, "permanence-decision.sbn-html");

    public async Task PublishAsync(SchedulingDbContext db, Venue venue, Permanence permanence, PermanenceChange change, int held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Publish(new PermanenceChanged(now, permanence.Id, permanence.VenueId, permanence.ConventionId, change, permanence.Semester, permanence.RefusalReason));
        var @operator = await mediator.Send(new GetOrganizationSummary(venue.OperatorOrganizationId), cancellationToken);
        var partner = await mediator.Send(new GetOrganizationSummary(permanence.PartnerOrganizationId), cancellationToken);
        // A proposal is the operator's to decide; a decision is the partner's to know, the operator keeping a copy.
        var audience = (change == PermanenceChange.Proposed ? [@operator] : new[] { partner, @operator })
            .OfType<OrganizationSummary>().DistinctBy(o => o.Id).ToList();
        if (audience.Count == 0)
        {
            return;
        }
        var subject = change switch
        {
            PermanenceChange.Proposed => $"Proposition de permanence de {partner?.Name} ({permanence.Semester})",
            PermanenceChange.Approved => $"Permanence acceptée ({permanence.Semester})",
            _ => $"Permanence non retenue ({permanence.Semester})",
        };
        var html = renderer.Render(Letter, new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["change"] = change.ToString().ToLowerInvariant(),
            ["title"] = $"Permanence {Titles.Of(permanence.Activity)} – {permanence.Intervenant}",
            ["partner"] = partner?.Name ?? string.Empty,
            ["venue"] = venue.Name,
            ["room"] = venue.Rooms.FirstOrDefault(r => r.Id == permanence.RoomId)?.Name ?? string.Empty,
            ["day"] = CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetDayName(permanence.DayOfWeek),
            ["starts"] = permanence.StartTime.ToString("HH\\hmm", CultureInfo.InvariantCulture),
            ["ends"] = permanence.EndTime.ToString("HH\\hmm", CultureInfo.InvariantCulture),
            ["semester"] = Semesters.InFrench(permanence.Semester),
            ["intervenant"] = permanence.Intervenant,
            ["capacity"] = permanence.Capacity,
            ["held"] = held,
            ["reason"] = permanence.RefusalReason,
        }).Html;
        db.Publish(new NoticeRequested(now, $"permanence-{change.ToString().ToLowerInvariant()}", subject, html,
            audience.SelectMany(NoticeRecipients.ReferentsOf).ToList(), audience.Select(o => o.Id).ToList(),
            ConventionId: permanence.ConventionId, DeduplicationKey: $"permanence:{permanence.Id:N}:{change.ToString().ToLowerInvariant()}"));
    }
}
