using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

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

internal sealed class TakeEventAttendanceHandler(PartnersDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<TakeEventAttendance, SeasonEventDto>
{
    public async ValueTask<SeasonEventDto> Handle(TakeEventAttendance command, CancellationToken cancellationToken)
    {
        var e = await SeasonEventAccess.LoadAsync(db, command.EventId, cancellationToken);
        SeasonEventAccess.EnsureOperator(current.Actor, e);
        e.TakeAttendance(command.Body.Registrations!.Select(r => (r.RegistrationId!.Value, r.Attended!.Value)), clock.GetUtcNow());
        return SeasonEventAccess.ToDto(e, current.Actor);
    }
}
