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

/// <summary>Why a period ended as it did: the notice says which rule applied.</summary>
internal enum TermBasis
{
    /// <summary>A fixed term came to its end.</summary>
    FixedTerm,

    /// <summary>No committee decision: article 1's tacit renewal.</summary>
    Tacit,

    /// <summary>The committee decided to renew and the partner confirmed.</summary>
    Agreed,

    /// <summary>The committee decided to renew but the partner never answered: the tacit rule applied.</summary>
    TacitUnconfirmed,

    /// <summary>The committee decided not to renew.</summary>
    CommitteeRefused,

    /// <summary>The committee proposed renewal and the partner withheld its agreement.</summary>
    PartnerDeclined,
}

internal sealed record ConventionEffect(EffectKind Kind, DateOnly On, DateOnly? PeriodStartsOn = null, DateOnly? PeriodEndsOn = null, TermBasis? Basis = null);
