using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;
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

/// <summary>Cancels a registration (its structure, or the event's operator); the freed seat goes to the first waiting, who is told.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record CancelRegistration(Guid EventId, Guid RegistrationId) : ICommand<SeasonEventDto>;

internal sealed record AttendanceEntryBody
{
    public Guid? RegistrationId { get; init; }

    /// <example>true</example>
    public bool? Attended { get; init; }
}

internal sealed record EventAttendanceBody
{
    public IReadOnlyList<AttendanceEntryBody>? Registrations { get; init; }
}

/// <summary>The operator takes attendance once the event has started.</summary>
internal sealed record TakeEventAttendance(Guid EventId, EventAttendanceBody Body) : ICommand<SeasonEventDto>;

internal sealed class TakeEventAttendanceValidator : AbstractValidator<TakeEventAttendance>
{
    public TakeEventAttendanceValidator()
    {
        RuleFor(c => c.Body.Registrations).NotEmpty().WithMessage("Required: who came and who did not.").OverridePropertyName("registrations");
        RuleForEach(c => c.Body.Registrations).ChildRules(e =>
        {
            e.RuleFor(x => x.RegistrationId).NotEmpty().WithMessage("Required.");
            e.RuleFor(x => x.Attended).NotNull().WithMessage("Required: true or false.");
        }).OverridePropertyName("registrations");
    }
}

internal sealed class RegistrationsHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock, DocumentRenderer renderer, IMediator mediator) :
    ICommandHandler<RegisterForEvent, SeasonEventDto>, ICommandHandler<CancelRegistration, SeasonEventDto>, ICommandHandler<TakeEventAttendance, SeasonEventDto>
{
    private static readonly TemplateRef Letter = new(typeof(RegistrationsHandler).Assembly, "season-event-notice.sbn-html");

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

    public async ValueTask<SeasonEventDto> Handle(TakeEventAttendance command, CancellationToken cancellationToken)
    {
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        SeasonEventAccess.EnsureOperator(current.Actor, e);
        e.TakeAttendance(command.Body.Registrations!.Select(r => (r.RegistrationId!.Value, r.Attended!.Value)), clock.GetUtcNow());
        return SeasonEventAccess.ToDto(e, current.Actor);
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

internal static class SeasonEventLetters
{
    public static Dictionary<string, object?> Model(SeasonEvent e, string kind, string subject, IEnumerable<EventRegistration> people)
    {
        var starts = ParisTime.ToParis(e.StartsAt);
        return new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["title"] = e.Title,
            ["date"] = French.Date(DateOnly.FromDateTime(starts.DateTime)),
            ["time"] = starts.ToString("HH\\hmm", System.Globalization.CultureInfo.InvariantCulture),
            ["place"] = e.Place,
            ["people"] = people.Select(p => new Dictionary<string, object?> { ["name"] = p.PersonName, ["role"] = p.RoleInStructure }).ToList(),
        };
    }
}
