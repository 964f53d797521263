using System.Data;
using Conventions.BuildingBlocks.Mediation;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

internal sealed record RegistrationBody
{
    /// <example>Nadia B.</example>
    public string? PersonName { get; init; }

    /// <summary>The person's role in the structure.</summary>
    /// <example>Animatrice bénévole</example>
    public string? Role { get; init; }

    /// <example>nadia@structure.example</example>
    public string? Email { get; init; }
}

/// <summary>A partner's staff registers a named person: a seat while some are left, the waiting list otherwise.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record RegisterForEvent(Guid EventId, RegistrationBody Body) : ICommand<SeasonEventDto>;

internal sealed class RegisterForEventValidator : AbstractValidator<RegisterForEvent>
{
    public RegisterForEventValidator()
    {
        RuleFor(c => c.Body.PersonName).RequiredText(200).OverridePropertyName("personName");
        RuleFor(c => c.Body.Role).RequiredText(200).OverridePropertyName("role");
        RuleFor(c => c.Body.Email).OptionalEmail().OverridePropertyName("email");
    }
}

internal sealed class RegisterForEventHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RegisterForEvent, SeasonEventDto>
{
    public async ValueTask<SeasonEventDto> Handle(RegisterForEvent command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        SeasonEventAccess.EnsureCanSee(actor, e);
        if (actor.OrganizationId is not { } organizationId || actor.OrganizationId == e.OperatorOrganizationId)
        {
            throw new ForbiddenException("season_event.partners_only", "A partner's staff registers its own people.");
        }
        var kind = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Kind).SingleAsync(cancellationToken);
        var body = command.Body;
        var registration = e.Register(organizationId, kind, body.PersonName!.Trim(), body.Role!.Trim(), string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim(), clock.GetUtcNow());
        // A new row (its id is drawn by the domain): added as such, not taken for an existing one.
        db.Add(registration);
        return SeasonEventAccess.ToDto(e, actor);
    }
}
