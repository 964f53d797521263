namespace Conventions.Modules.Conventions.Domain;

/// <summary>Why a partner's convention is not carried into the next season.</summary>
internal enum RenewalSkipReason
{
    /// <summary>The season's convention is not active (a draft, awaiting signatures, ended…).</summary>
    NotActive,

    /// <summary>A dispute is open on it, or it is suspended by one.</summary>
    UnderDispute,

    /// <summary>Next season's convention already exists between the same parties.</summary>
    AlreadyDrafted,
}

/// <summary>
/// Culture pour tous' season turnover (issue 19): the convention runs 1 October – 30 September and is signed again each
/// season. Which of a season's conventions are carried into the next one, and why the others are not.
/// </summary>
internal static class SeasonRenewal
{
    /// <summary>"2026-2027": from 1 October 2026 to 30 September 2027.</summary>
    public static bool TryParse(string? season, out DateOnly startsOn, out DateOnly endsOn) => Seasons.TryParse(season, out startsOn, out endsOn);

    public static string Name(DateOnly startsOn) => Seasons.Name(startsOn);

    /// <summary>
    /// The convention that stands for a partner in the season: an active one if any, otherwise the latest created.
    /// </summary>
    public static Convention Current(IEnumerable<Convention> partnersConventions) =>
        partnersConventions.OrderByDescending(c => c.Status == ConventionStatus.Active).ThenByDescending(c => c.CreatedAt).First();

    /// <summary>Null when the convention is carried into the next season; otherwise why not (the first reason that applies).</summary>
    public static RenewalSkipReason? Choose(Convention current, bool disputeOpen, bool nextExists) =>
        nextExists ? RenewalSkipReason.AlreadyDrafted
        : current.Status == ConventionStatus.Suspended || disputeOpen ? RenewalSkipReason.UnderDispute
        : current.Status != ConventionStatus.Active ? RenewalSkipReason.NotActive
        : null;

    /// <summary>Next season's variables: the current ones, with the season named anew when it was set.</summary>
    public static Dictionary<string, string> NextVariables(IReadOnlyDictionary<string, string> current, DateOnly nextStartsOn)
    {
        var next = new Dictionary<string, string>(current);
        if (next.ContainsKey("season"))
        {
            next["season"] = Name(nextStartsOn);
        }
        return next;
    }
}
