using System.Data;
using Conventions.BuildingBlocks.Mediation;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;

namespace Conventions.Modules.Partners.Features;

/// <summary>Cancels a registration (its structure, or the event's operator); the freed seat goes to the first waiting, who is told.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record CancelRegistration(Guid EventId, Guid RegistrationId) : ICommand<SeasonEventDto>;

internal sealed class CancelRegistrationHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, DocumentRenderer renderer, IMediator mediator)
    : ICommandHandler<CancelRegistration, SeasonEventDto>
{
    private static readonly TemplateRef Letter = new(typeof(CancelRegistrationHandler).Assembly, "season-event-notice.sbn-html");

    public async ValueTask<SeasonEventDto> Handle(CancelRegistration command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        var registration = e.Registrations.SingleOrDefault(r => r.Id == command.RegistrationId) ?? throw NotFoundException.For("registration", command.RegistrationId);
        if (!(SeasonEventAccess.IsOperator(actor, e) || actor.OrganizationId == registration.OrganizationId))
        {
            throw new ForbiddenException("registration.forbidden", "This registration belongs to another organization.");
        }
        var now = clock.GetUtcNow();
        if (e.Cancel(registration.Id, now) is { } promoted)
        {
            await PromotedAsync(e, promoted, now, cancellationToken);
        }
        return SeasonEventAccess.ToDto(e, actor);
    }

    /// <summary>The person who got the freed seat, and their structure's referents, are told.</summary>
    private async Task PromotedAsync(SeasonEvent e, EventRegistration promoted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOrganizationSummary(promoted.OrganizationId), cancellationToken) is not { } organization)
        {
            return;
        }
        var subject = $"Place confirmée : {e.Title}";
        var html = renderer.Render(Letter, SeasonEventLetters.Model(e, "promoted", subject, [promoted])).Html;
        var recipients = NoticeRecipients.ReferentsOf(organization).ToList();
        if (promoted.Email is { } email)
        {
            recipients.Add(new NoticeRecipient(promoted.PersonName, email, organization.Id));
        }
        db.Publish(new NoticeRequested(now, "season-event-promoted", subject, html, recipients, [organization.Id], DeduplicationKey: $"season-event:{promoted.Id:N}:promoted"));
    }
}
