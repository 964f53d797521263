using Conventions.Modules.Conventions.Contracts;

namespace Conventions.Modules.Disputes.Domain;

/// <summary>A side effect of a dispute step: a convention status change, a notice, a timer.</summary>
internal enum DisputeEffectKind
{
    SuspendConvention,
    ReinstateConvention,
    TerminateConvention,
    LapseConvention,
    DeadlineSet,
    Notice,
}

internal sealed record DisputeEffect(DisputeEffectKind Kind, DateOnly On, string? NoticeKind = null, DeadlineName? Deadline = null);
