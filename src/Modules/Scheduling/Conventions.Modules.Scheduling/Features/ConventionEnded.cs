using Conventions.BuildingBlocks.Outbox;
using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// When a premises convention ends (terminated, lapsed, expired), its future occurrences are cancelled and the people
/// concerned notified. Idempotent: the inbox records the event, and only planned occurrences are touched.
/// </summary>
internal sealed class CancelOccurrencesOfEndedConvention(SchedulingDbContext db, TimeProvider clock, OccurrenceCancellation cancellation)
    : INotificationHandler<ConventionStatusChanged>
{
    public async ValueTask Handle(ConventionStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.Change is not (ConventionChange.Terminated or ConventionChange.Lapsed or ConventionChange.Expired)
            || notification.TemplateKey != ConventionTemplates.RuchePremises
            || await db.AlreadyHandledAsync(notification.EventId, nameof(CancelOccurrencesOfEndedConvention), cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var future = await db.Occurrences.Include(o => o.Appointments)
            .Where(o => o.ConventionId == notification.ConventionId && o.Status == OccurrenceStatus.Planned && o.StartsAt > now)
            .ToListAsync(cancellationToken);
        var venues = new Dictionary<Guid, Venue>();
        foreach (var occurrence in future)
        {
            if (!venues.TryGetValue(occurrence.VenueId, out var venue))
            {
                venue = await SchedulingAccess.VenueAsync(db, occurrence.VenueId, cancellationToken);
                venues[venue.Id] = venue;
            }
            var reason = notification.Change switch
            {
                ConventionChange.Terminated => "la convention de partenariat a été résiliée",
                ConventionChange.Lapsed => "la convention de partenariat est devenue caduque",
                _ => "la convention de partenariat a pris fin",
            };
            await cancellation.CancelAsync(db, venue, occurrence, reason, now, cancellationToken);
        }
        db.MarkHandled(notification.EventId, nameof(CancelOccurrencesOfEndedConvention), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
