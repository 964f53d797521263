using Conventions.Modules.Conventions.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Disputes.Features;

internal enum DisputeStepKind
{
    Explanation,
    Agreement,
    Remedy,
    Termination,
    WithdrawAgreement,
}

/// <summary>A step on an open dispute. Due transitions are applied first, so the step sees today's state.</summary>
internal sealed record TakeDisputeStep(Guid DisputeId, DisputeStepKind Step, DateOnly? On, string? Text, string? TrackingNumber, ConventionParty? Party = null) : ICommand<DisputeDto>;

internal sealed class TakeDisputeStepValidator : AbstractValidator<TakeDisputeStep>
{
    public TakeDisputeStepValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).NotNull().WithMessage("Required.").When(c => c.Step != DisputeStepKind.WithdrawAgreement)
            .Must(d => d is null || d <= clock.Today()).WithMessage("Must not be in the future.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Must be a date from 2000 on.")
            .OverridePropertyName("date");
        RuleFor(c => c.Text).RequiredParagraphs(8000).When(c => c.Step is not (DisputeStepKind.Termination or DisputeStepKind.WithdrawAgreement)).OverridePropertyName("text");
        RuleFor(c => c.TrackingNumber).RequiredText(60).When(c => c.Step == DisputeStepKind.Termination).OverridePropertyName("trackingNumber");
    }
}

internal sealed class TakeDisputeStepHandler(DisputesDbContext db, ICurrentActor current, TimeProvider clock, DisputeEffects effects)
    : ICommandHandler<TakeDisputeStep, DisputeDto>
{
    public async ValueTask<DisputeDto> Handle(TakeDisputeStep command, CancellationToken cancellationToken)
    {
        var dispute = await DisputeAccess.LoadAsync(db, command.DisputeId, cancellationToken);
        var actor = current.Actor;
        DisputeAccess.EnsureCanRead(actor, dispute);
        var party = command.Step switch
        {
            DisputeStepKind.Explanation => dispute.AtFault,
            DisputeStepKind.Termination or DisputeStepKind.Remedy => dispute.RaisedBy,
            _ => (ConventionParty?)null,
        };
        if (party is { } p)
        {
            DisputeAccess.EnsureActsFor(actor, p, dispute.TemplateKey, dispute.OperatorOrganizationId, dispute.PartnerOrganizationId);
        }
        else
        {
            party = DisputeAccess.PartyOf(actor, dispute, command.Party);
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var before = dispute.Status;
        var due = dispute.ApplyDue(today, now);
        await effects.ExecuteAsync(db, dispute, before, due, today, now, cancellationToken);
        before = dispute.Status;
        if (command.Step == DisputeStepKind.WithdrawAgreement)
        {
            dispute.WithdrawAgreement(party.Value, now);
            return DisputeMapping.ToDto(dispute);
        }
        var on = command.On!.Value;
        var stepEffects = command.Step switch
        {
            DisputeStepKind.Explanation => dispute.SubmitExplanation(on, command.Text!.Trim(), now),
            DisputeStepKind.Agreement => dispute.RecordAgreement(party.Value, on, command.Text!.Trim(), now),
            DisputeStepKind.Remedy => dispute.RecordRemedy(on, command.Text!.Trim(), now),
            _ => dispute.Terminate(on, command.TrackingNumber!.Trim(), now),
        };
        await effects.ExecuteAsync(db, dispute, before, stepEffects, today, now, cancellationToken);
        return DisputeMapping.ToDto(dispute);
    }
}

internal sealed record ExplanationBody
{
    /// <example>2026-11-25</example>
    public DateOnly? SubmittedOn { get; init; }

    /// <example>Les invitations inutilisées concernaient une sortie annulée par l'Actionneur ; l'annulation n'a pas été faite à temps.</example>
    public string? Text { get; init; }
}

internal sealed record AgreementBody
{
    public DateOnly? AgreedOn { get; init; }

    public string? Summary { get; init; }

    /// <summary>The party recording its agreement: the caller's own side (required only for the platform admin).</summary>
    public ConventionParty? Party { get; init; }
}

internal sealed record WithdrawAgreementBody
{
    /// <summary>The party withdrawing its agreement: the caller's own side (required only for the platform admin).</summary>
    public ConventionParty? Party { get; init; }
}

internal sealed record RemedyBody
{
    public DateOnly? RemediedOn { get; init; }

    public string? Summary { get; init; }
}

internal sealed record RegisteredLetterInput
{
    /// <example>2026-12-08</example>
    public DateOnly? SentOn { get; init; }

    /// <example>1A 234 567 8901 2</example>
    public string? TrackingNumber { get; init; }
}

internal sealed record TerminationBody
{
    public RegisteredLetterInput? RegisteredLetter { get; init; }
}
