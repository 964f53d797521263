namespace Conventions.Modules.Conventions.Domain;

/// <summary>A follow-up committee of a tacitly renewed convention, held by the operator in the period's last quarter.</summary>
internal sealed class Committee
{
    public Guid Id { get; set; }

    public Guid ConventionId { get; set; }

    public DateOnly MeetsOn { get; set; }

    /// <summary>The end of the period the committee decides on.</summary>
    public DateOnly PeriodEndsOn { get; set; }

    /// <summary>Null until the decision is recorded.</summary>
    public bool? Renew { get; set; }

    public string? Minutes { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>
    /// The partner's answer to the decision (article 1: renewal "après accord respectif des deux parties"): true agrees,
    /// false withholds its agreement; null until it answers.
    /// </summary>
    public bool? PartnerAgrees { get; set; }

    public string? PartnerComment { get; set; }

    public DateTimeOffset? PartnerAnsweredAt { get; set; }

    /// <summary>The key through which the partner answered.</summary>
    public Guid? PartnerAnsweredBy { get; set; }
}
