namespace Conventions.Modules.Conventions.Domain;

/// <summary>What the renewals sweep did to a convention: a status change, a renewal or a notice to send.</summary>
internal enum EffectKind
{
    Activated,
    EndOfTermNotice,
    Expired,
    CommitteeReminder,
    Renewed,
}

internal sealed record ConventionEffect(EffectKind Kind, DateOnly On, DateOnly? PeriodStartsOn = null, DateOnly? PeriodEndsOn = null);
