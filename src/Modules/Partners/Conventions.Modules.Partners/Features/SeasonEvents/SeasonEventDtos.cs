namespace Conventions.Modules.Partners.Features;

/// <summary>A registration as its structure and the event's operator see it (nobody else).</summary>
internal sealed record RegistrationDto(
    Guid Id, Guid OrganizationId, string PersonName, string RoleInStructure, string? Email, RegistrationStatus Status, int? WaitlistPosition, bool? Attended);

/// <summary>
/// A season event with its seats counted; <c>registrations</c> lists only what the caller may see: every one for the
/// event's operator, its own organization's for a partner.
/// </summary>
internal sealed record SeasonEventDto(
    Guid Id, string Program, Guid OperatorOrganizationId, SeasonEventKind Kind, string Title, string? Description, DateTimeOffset StartsAt, string Place,
    int Capacity, IReadOnlyList<OrganizationKind> Audience, SeasonEventStatus Status, Guid? ProposedByOrganizationId, string? DeclineReason,
    int Confirmed, int Waiting, int SeatsLeft, IReadOnlyList<RegistrationDto> Registrations);

internal static class SeasonEventAccess
{
    public static async Task<SeasonEvent> LoadAsync(PartnersDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SeasonEvents.Include(e => e.Registrations).SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw NotFoundException.For("season_event", id);

    /// <summary>The event's operator: an operator admin of its organization, operating its program (or the platform).</summary>
    public static bool IsOperator(Actor actor, SeasonEvent e) =>
        actor.SeesEverything || (actor.Operates(e.ProgramKey) && actor.OrganizationId == e.OperatorOrganizationId);

    public static void EnsureOperator(Actor actor, SeasonEvent e)
    {
        if (!IsOperator(actor, e))
        {
            throw new ForbiddenException("season_event.operator_only", "Only the event's operator may do this.");
        }
    }

    /// <summary>Who sees an event: its operator, the program's partners once it is in the programme, and the partner that proposed it.</summary>
    public static void EnsureCanSee(Actor actor, SeasonEvent e)
    {
        if (!(IsOperator(actor, e) || (actor.TakesPartIn(e.ProgramKey) && (e.Status == SeasonEventStatus.Scheduled || actor.OrganizationId == e.ProposedByOrganizationId))))
        {
            throw new ForbiddenException("season_event.forbidden", "This event is not open to your organization.");
        }
    }

    public static SeasonEventDto ToDto(SeasonEvent e, Actor actor)
    {
        var waiting = e.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.WaitlistNumber).Select((r, i) => (r.Id, Position: i + 1))
            .ToDictionary(x => x.Id, x => x.Position);
        var visible = IsOperator(actor, e) ? e.Registrations : e.Registrations.Where(r => r.OrganizationId == actor.OrganizationId);
        return new SeasonEventDto(e.Id, e.ProgramKey, e.OperatorOrganizationId, e.Kind, e.Title, e.Description, e.StartsAt, e.Place, e.Capacity, e.Audience, e.Status,
            e.ProposedByOrganizationId, e.DeclineReason, e.Confirmed, e.Waiting, e.SeatsLeft,
            visible.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
                .Select(r => new RegistrationDto(r.Id, r.OrganizationId, r.PersonName, r.RoleInStructure, r.Email, r.Status, waiting.TryGetValue(r.Id, out var p) ? p : null, r.Attended))
                .ToList());
    }
}
