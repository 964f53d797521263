using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Scheduling.Contracts;
using Conventions.Modules.Ticketing.Contracts;

namespace Conventions.Modules.Webhooks.Features;

/// <summary>
/// The modules' integration events, as webhooks: who receives what (issue 16). An organization receives only events
/// about itself: a booking event goes to the structure that booked it, and to the session's publisher only counted
/// (<c>session.changed</c>); convention, dispute and permanence events go to the convention's two parties.
/// </summary>
internal sealed class WebhookEventHandlers(WebhookFanOut fanOut, IMediator mediator) :
    INotificationHandler<BookingChanged>,
    INotificationHandler<SessionChanged>,
    INotificationHandler<SessionCancelled>,
    INotificationHandler<ConventionStatusChanged>,
    INotificationHandler<ConventionSignatureRequested>,
    INotificationHandler<DisputeStatusChanged>,
    INotificationHandler<DisputeDeadlineReminder>,
    INotificationHandler<OccurrenceCancelled>,
    INotificationHandler<PermanenceChanged>,
    INotificationHandler<AppointmentCreated>,
    INotificationHandler<NoticeCreated>
{
    public async ValueTask Handle(BookingChanged e, CancellationToken cancellationToken)
    {
        var (type, kind) = e.Change switch
        {
            BookingChange.Confirmed => (WebhookEventTypes.BookingConfirmed, SessionChangeKind.Booked),
            BookingChange.Waitlisted => (WebhookEventTypes.BookingWaitlisted, SessionChangeKind.Waitlisted),
            BookingChange.Promoted => (WebhookEventTypes.BookingPromoted, SessionChangeKind.Promoted),
            _ => (WebhookEventTypes.BookingCancelled, SessionChangeKind.Cancelled),
        };
        await fanOut.RecordAsync(e,
        [
            new(e.OrganizationId, type, new BookingEventData(e.BookingId, e.SessionId, e.OfferId, e.OrganizationId, e.Change, e.Seats, e.SessionStartsAt)),
            new(e.PublisherOrganizationId, WebhookEventTypes.SessionChanged, new SessionChangedData(e.OfferId, e.SessionId, kind, null, e.Seats)),
        ], cancellationToken);
    }

    public async ValueTask Handle(SessionChanged e, CancellationToken cancellationToken)
    {
        var data = new SessionChangedData(e.OfferId, e.SessionId, SessionChangeKind.Changed, e.StartsAt, e.Seats);
        await fanOut.RecordAsync(e, [.. e.BookingOrganizationIds.Append(e.PublisherOrganizationId).Distinct().Select(o => new WebhookTarget(o, WebhookEventTypes.SessionChanged, data))], cancellationToken);
    }

    public async ValueTask Handle(SessionCancelled e, CancellationToken cancellationToken)
    {
        if (e.PublisherOrganizationId is not { } publisher)
        {
            return;
        }
        var data = new SessionCancelledData(e.OfferId, e.SessionId, e.Reason, e.BookingsCancelled);
        await fanOut.RecordAsync(e, [.. (e.BookingOrganizationIds ?? []).Append(publisher).Distinct().Select(o => new WebhookTarget(o, WebhookEventTypes.SessionCancelled, data))], cancellationToken);
    }

    public async ValueTask Handle(ConventionStatusChanged e, CancellationToken cancellationToken) =>
        await fanOut.RecordAsync(e, Parties(e.OperatorOrganizationId, e.PartnerOrganizationId, WebhookEventTypes.ConventionStatusChanged,
            new ConventionStatusData(e.ConventionId, e.TemplateKey, e.Status, e.Change, e.EffectiveOn, e.Reason)), cancellationToken);

    public async ValueTask Handle(ConventionSignatureRequested e, CancellationToken cancellationToken) =>
        await fanOut.RecordAsync(e,
        [
            .. Parties(e.OperatorOrganizationId, e.PartnerOrganizationId, WebhookEventTypes.ConventionSignatureRequested, new SignatureRequestedData(e.ConventionId, e.TemplateKey, e.DocumentSha256)),
            .. Parties(e.OperatorOrganizationId, e.PartnerOrganizationId, WebhookEventTypes.ConventionStatusChanged,
                new ConventionStatusData(e.ConventionId, e.TemplateKey, ConventionStatus.AwaitingSignatures, null, null, null)),
        ], cancellationToken);

    public async ValueTask Handle(DisputeStatusChanged e, CancellationToken cancellationToken)
    {
        var (operatorId, partnerId) = e.OperatorOrganizationId is { } o && e.PartnerOrganizationId is { } p ? (o, p) : await PartiesOfAsync(e.ConventionId, cancellationToken);
        await fanOut.RecordAsync(e, Parties(operatorId, partnerId, e.Opened ? WebhookEventTypes.DisputeOpened : WebhookEventTypes.DisputeStatusChanged,
            new DisputeEventData(e.DisputeId, e.ConventionId, e.Status, e.EffectiveOn)), cancellationToken);
    }

    public async ValueTask Handle(DisputeDeadlineReminder e, CancellationToken cancellationToken) =>
        await fanOut.RecordAsync(e, Parties(e.OperatorOrganizationId, e.PartnerOrganizationId, WebhookEventTypes.DeadlineReminder,
            new DeadlineReminderData(e.DisputeId, e.ConventionId, e.Deadline, e.DueOn)), cancellationToken);

    public async ValueTask Handle(OccurrenceCancelled e, CancellationToken cancellationToken)
    {
        var (operatorId, partnerId) = await PartiesOfAsync(e.ConventionId, cancellationToken);
        await fanOut.RecordAsync(e, Parties(operatorId, partnerId, WebhookEventTypes.OccurrenceCancelled,
            new OccurrenceCancelledData(e.OccurrenceId, e.VenueId, e.ConventionId, e.StartsAt, e.Reason)), cancellationToken);
    }

    public async ValueTask Handle(PermanenceChanged e, CancellationToken cancellationToken)
    {
        var (operatorId, partnerId) = await PartiesOfAsync(e.ConventionId, cancellationToken);
        await fanOut.RecordAsync(e, Parties(operatorId, partnerId, WebhookEventTypes.PermanenceChanged,
            new PermanenceChangedData(e.PermanenceId, e.VenueId, e.ConventionId, e.Change, e.Semester, e.Reason)), cancellationToken);
    }

    public async ValueTask Handle(AppointmentCreated e, CancellationToken cancellationToken)
    {
        var (operatorId, partnerId) = await PartiesOfAsync(e.ConventionId, cancellationToken);
        await fanOut.RecordAsync(e, Parties(operatorId, partnerId, WebhookEventTypes.AppointmentCreated,
            new AppointmentCreatedData(e.AppointmentId, e.OccurrenceId, e.VenueId, e.ConventionId, e.StartsAt)), cancellationToken);
    }

    public async ValueTask Handle(NoticeCreated e, CancellationToken cancellationToken) =>
        await fanOut.RecordAsync(e, [new(e.OrganizationId, WebhookEventTypes.NoticeCreated, new NoticeCreatedData(e.NoticeId, e.Kind, e.Subject, e.ConventionId, e.DisputeId))], cancellationToken);

    private static WebhookTarget[] Parties(Guid operatorId, Guid partnerId, string type, object data) =>
        operatorId == partnerId ? [new(operatorId, type, data)] : [new(operatorId, type, data), new(partnerId, type, data)];

    private async Task<(Guid Operator, Guid Partner)> PartiesOfAsync(Guid conventionId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetConventionSummary(conventionId), cancellationToken) is { } convention
            ? (convention.OperatorOrganizationId, convention.PartnerOrganizationId)
            : (Guid.Empty, Guid.Empty);
}
