using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;

namespace Conventions.Modules.Partners.Features;

/// <summary>A mediation activity's proposal goes to the operator; its acceptance or refusal (with the reason) to the partner that proposed it.</summary>
internal sealed class MediationNotices(IMediator mediator, DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(MediationNotices).Assembly, "mediation-notice.sbn-html");

    public async Task PublishAsync(PartnersDbContext db, SeasonEvent e, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = kind == "mediation-proposed" ? e.OperatorOrganizationId : e.ProposedByOrganizationId;
        if (to is not { } recipientId || await mediator.Send(new GetOrganizationSummary(recipientId), cancellationToken) is not { } recipient)
        {
            return;
        }
        var partner = e.ProposedByOrganizationId is { } p ? (await mediator.Send(new GetOrganizationSummary(p), cancellationToken))?.Name : null;
        var subject = kind switch
        {
            "mediation-proposed" => $"Proposition d'activité de médiation : {e.Title}",
            "mediation-accepted" => $"Activité de médiation acceptée : {e.Title}",
            _ => $"Activité de médiation non retenue : {e.Title}",
        };
        var model = SeasonEventLetters.Model(e, kind, subject, []);
        model["partner"] = partner ?? string.Empty;
        model["capacity"] = e.Capacity;
        model["reason"] = e.DeclineReason;
        db.Publish(new NoticeRequested(now, kind, subject, renderer.Render(Letter, model).Html, NoticeRecipients.ReferentsOf(recipient), [recipient.Id],
            DeduplicationKey: $"season-event:{e.Id:N}:{kind}"));
    }
}
