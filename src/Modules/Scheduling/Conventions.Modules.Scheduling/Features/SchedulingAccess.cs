using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Scheduling.Features;

internal static class SchedulingAccess
{
    public static async Task<Venue> VenueAsync(SchedulingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Venues.Include(v => v.Rooms).Include(v => v.Closures).SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw NotFoundException.For("venue", id);

    /// <summary>Venues, rooms and permanences belong to La Ruche Numérique's program.</summary>
    public const string Program = ProgramKeys.RucheNumerique;

    /// <summary>The platform, or an operator admin of the venue's operator, which operates La Ruche Numérique.</summary>
    public static bool IsVenueOperator(Actor actor, Venue venue) =>
        actor.SeesEverything || (actor.Operates(Program) && actor.OrganizationId == venue.OperatorOrganizationId);

    /// <summary>A venue's rooms, calendar and figures are read by the organizations of La Ruche Numérique (and the platform).</summary>
    public static void EnsureInProgram(Actor actor)
    {
        if (!actor.TakesPartIn(Program))
        {
            throw new ForbiddenException("program.outside", "Venues belong to La Ruche Numérique, which your organization does not take part in.");
        }
    }

    public static void EnsureVenueOperator(Actor actor, Venue venue)
    {
        if (!IsVenueOperator(actor, venue))
        {
            throw new ForbiddenException("venue.operator_only", "Only the venue's operator may do this.");
        }
    }

    /// <summary>Acting under a premises convention: its partner's staff, or the operator's admins, or the platform.</summary>
    public static async Task<ConventionSummary> PremisesConventionAsync(IMediator mediator, Actor actor, Guid conventionId, CancellationToken cancellationToken)
    {
        var convention = await mediator.Send(new GetConventionSummary(conventionId), cancellationToken)
            ?? throw new BusinessRuleException("convention.unknown", $"No convention with id '{conventionId}'.");
        var allowed = actor.SeesEverything
            || (actor.Operates(ProgramKeys.OfTemplate(convention.TemplateKey)) && actor.OrganizationId == convention.OperatorOrganizationId)
            || actor.IsStaffOf(convention.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin);
        if (!allowed)
        {
            throw new ForbiddenException("convention.forbidden", "This convention is not your organization's.");
        }
        if (convention.TemplateKey != ConventionTemplates.RuchePremises)
        {
            throw new BusinessRuleException("convention.not_premises", "Rooms are lent under a premises convention (ruche-numerique/premises).");
        }
        if (convention.Status != ConventionStatus.Active)
        {
            throw new ConflictException("convention.not_active", $"The premises convention is {BuildingBlocks.Web.JsonDefaults.Kebab(convention.Status)}: rooms are lent under an active convention.");
        }
        return convention;
    }

    public static void EnsureCanActOn(Actor actor, Occurrence occurrence, Venue venue)
    {
        if (!(IsVenueOperator(actor, venue) || actor.IsStaffOf(occurrence.PartnerOrganizationId, Role.Partner, Role.OperatorAdmin)))
        {
            throw new ForbiddenException("occurrence.forbidden", "Only the venue's operator and the partner holding this slot may do this.");
        }
    }

    /// <summary>The planned occurrences in a room that overlap any of the given slots.</summary>
    public static async Task<List<ConflictDto>> ConflictsAsync(SchedulingDbContext db, Guid roomId, IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> slots, CancellationToken cancellationToken)
    {
        if (slots.Count == 0)
        {
            return [];
        }
        var from = slots.Min(s => s.StartsAt);
        var to = slots.Max(s => s.EndsAt);
        var existing = await db.Occurrences.AsNoTracking()
            .Where(o => o.RoomId == roomId && o.Status == OccurrenceStatus.Planned && o.StartsAt < to && o.EndsAt > from)
            .ToListAsync(cancellationToken);
        return existing.Where(o => slots.Any(s => o.Overlaps(s.StartsAt, s.EndsAt)))
            .OrderBy(o => o.StartsAt)
            .Select(o => new ConflictDto(o.Id, o.Kind, o.Date, ParisTime.ToParis(o.StartsAt), ParisTime.ToParis(o.EndsAt), o.Title))
            .ToList();
    }

    public static ConflictException RoomConflict(IReadOnlyList<ConflictDto> conflicts)
    {
        var exception = new ConflictException("room.conflict", $"The room is already booked at {conflicts.Count} of these times.");
        exception.Extensions["conflicts"] = conflicts;
        return exception;
    }
}
